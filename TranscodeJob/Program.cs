using Transcoder.Shared.Hosting;
using Transcoder.TranscodeJob.Hosting;

using var shutdown = ProcessSignals.OnProcessSignals();
return await JobApp.RunAsync(args, EnvironmentSnapshot.Current(), ProcessConsole.System, shutdown);
