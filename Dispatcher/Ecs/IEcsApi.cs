namespace Transcoder.Dispatcher.Ecs;

/// <summary>
/// The one ECS call the dispatcher makes. <see cref="EcsHttpApi"/> implements it over ECS's JSON protocol because
/// AWSSDK.ECS is not in the package feed; an implementation over AWSSDK.ECS's <c>RunTaskAsync</c> can replace it in
/// one file.
/// </summary>
internal interface IEcsApi
{
    /// <exception cref="EcsApiException">ECS answered with an error.</exception>
    /// <exception cref="HttpRequestException">ECS could not be reached.</exception>
    Task<RunTaskResponse> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken);
}
