namespace Transcoder.Dispatcher.Ecs;

/// <summary>
/// The two ECS calls the dispatcher makes. <see cref="EcsHttpApi"/> implements them over ECS's JSON protocol because
/// AWSSDK.ECS is not in the package feed; an implementation over AWSSDK.ECS's <c>RunTaskAsync</c> and
/// <c>DescribeTasksAsync</c> can replace it in one file.
/// </summary>
internal interface IEcsApi
{
    /// <exception cref="EcsApiException">ECS answered with an error.</exception>
    /// <exception cref="HttpRequestException">ECS could not be reached.</exception>
    Task<RunTaskResponse> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken);

    /// <exception cref="EcsApiException">ECS answered with an error.</exception>
    /// <exception cref="HttpRequestException">ECS could not be reached.</exception>
    Task<DescribeTasksResponse> DescribeTasksAsync(DescribeTasksRequest request, CancellationToken cancellationToken);
}
