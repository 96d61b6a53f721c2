using Transcoder.Client.Hosting;
using Transcoder.Shared.Hosting;

using var interruption = ProcessSignals.OnProcessSignals();
var services = ClientServices.Default();
return await ClientApp.RunAsync(args, EnvironmentSnapshot.Current(), ProcessConsole.System, services, interruption);
