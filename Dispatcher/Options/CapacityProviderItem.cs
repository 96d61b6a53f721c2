namespace Transcoder.Dispatcher.Options;

/// <summary>One entry of a capacity provider strategy, written <c>NAME[:weight[:base]]</c> in the setting.</summary>
internal sealed record CapacityProviderItem(string Name, int Weight, int Base)
{
    public static CapacityProviderItem? Parse(string text)
    {
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length > 3 || parts[0].Length == 0)
        {
            return null;
        }

        var weight = 1;
        var @base = 0;
        if ((parts.Length > 1 && !int.TryParse(parts[1], out weight)) || (parts.Length > 2 && !int.TryParse(parts[2], out @base)))
        {
            return null;
        }

        return weight is >= 0 and <= 1000 && @base is >= 0 and <= 100000 ? new CapacityProviderItem(parts[0], weight, @base) : null;
    }
}
