namespace Transcoder.Deploy.Tests.Template;

/// <summary>Where a policy statement lives: on a principal (what it may do) or on a resource (who may use it).</summary>
public enum PolicyKind
{
    Identity,
    Resource,
}
