namespace Transcoder.Dispatcher.Options;

/// <summary>Where a job runs.</summary>
internal enum LauncherKind
{
    /// <summary>One ECS task per job (RunTask).</summary>
    Ecs,

    /// <summary>One TranscodeJob child process per job, on this machine (the local pipeline).</summary>
    Local,
}
