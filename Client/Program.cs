using Transcoder.Shared.Hosting;
using Transcoder.Client.Hosting;

using var interruption = ProcessSignals.OnProcessSignals();
var services = ClientServices.Default();
return await ClientApp.RunAsync(args, EnvironmentSnapshot.Current(), ClientConsole.System, services, interruption);
