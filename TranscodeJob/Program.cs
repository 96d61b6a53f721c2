using Transcoder.TranscodeJob.Hosting;

using var shutdown = Shutdown.OnProcessSignals();
return await JobApp.RunAsync(args, EnvironmentVariables.Current(), JobConsole.System, shutdown);
