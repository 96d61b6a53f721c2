using System.Net;

namespace Transcoder.Dispatcher.Ecs;

/// <summary>An error answer from ECS: its error code (the <c>__type</c> without namespace) and HTTP status.</summary>
internal sealed class EcsApiException(string errorCode, string message, HttpStatusCode statusCode)
    : Exception($"{errorCode}: {message}")
{
    public string ErrorCode { get; } = errorCode;

    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The error's own message, without the code.</summary>
    public string Detail { get; } = message;

    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/CommonErrors.html and RunTask's Errors section.
    // EC2 throttling during the task's ENI setup reaches RunTask's caller as an InvalidParameterException whose
    // message says "Request limit exceeded" (seen in the wild): a rate problem, not a bad parameter.
    public bool IsThrottling => ErrorCode is "ThrottlingException" or "Throttling" or "TooManyRequestsException"
                                    or "RequestLimitExceeded"
                                || StatusCode == HttpStatusCode.TooManyRequests
                                || (ErrorCode == "InvalidParameterException"
                                    && (Detail.Contains("Request limit exceeded", StringComparison.OrdinalIgnoreCase)
                                        || Detail.Contains("Rate exceeded", StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// Throttling, server errors and "try again" conditions are worth retrying; invalid parameters, access denied,
    /// a missing cluster, a token reused with other parameters (ConflictException) are not.
    /// </summary>
    public bool IsRetryable => IsThrottling
                               || (int)StatusCode >= 500
                               || ErrorCode is "ServerException" or "ServiceUnavailableException" or "InternalFailure"
                                   or "BlockedException" or "RequestExpired";
}
