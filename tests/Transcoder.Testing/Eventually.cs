namespace Transcoder.Testing;

/// <summary>Waiting for something another process or thread will make true.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; throws, naming <paramref name="what"/>, on timeout.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds} s waiting for: {what}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, TimeSpan timeout, string what, CancellationToken cancellationToken) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, what, cancellationToken);
}
