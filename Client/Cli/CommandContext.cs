using Transcoder.Client.Hosting;
using Transcoder.Shared.Hosting;

namespace Transcoder.Client.Cli;

/// <summary>What every command runs with: the environment snapshot, the streams, the services and the shared options.</summary>
internal sealed record CommandContext(
    IReadOnlyDictionary<string, string> Environment, ProcessConsole Console, ClientServices Services, SettingsOptions Settings);
