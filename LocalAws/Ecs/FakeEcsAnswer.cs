namespace Transcoder.LocalAws.Ecs;

/// <summary>A non-default answer of <see cref="FakeEcs"/>: a status code and a JSON body.</summary>
public sealed record FakeEcsAnswer(int StatusCode, string Body)
{
    public static FakeEcsAnswer Throttling { get; } = new(400, """{"__type":"ThrottlingException","message":"Rate exceeded"}""");

    public static FakeEcsAnswer ServerError { get; } = new(500, """{"__type":"ServerException","message":"Service unavailable"}""");

    public static FakeEcsAnswer InvalidParameter { get; } = new(400, """{"__type":"InvalidParameterException","message":"Invalid subnet"}""");

    public static FakeEcsAnswer CapacityFailure { get; } =
        new(200, """{"tasks":[],"failures":[{"arn":"arn:aws:ecs:us-east-1:0:cluster/c","reason":"Capacity is unavailable at this time. Please try again later or in a different availability zone"}]}""");
}
