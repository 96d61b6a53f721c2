using Transcoder.Dispatcher.Hosting;

return await DispatcherApp.RunAsync(args);
