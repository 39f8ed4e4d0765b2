namespace Buddy.FakeServer;

/// <summary>Settings for a <see cref="BuddyFakeServer"/>.</summary>
public sealed class BuddyFakeServerOptions
{
    /// <summary>
    /// The only bearer token the server accepts (<c>Authorization: Bearer &lt;token&gt;</c>).
    /// Defaults to <c>demo-token</c>.
    /// </summary>
    public string AccessToken { get; set; } = "demo-token";

    /// <summary>
    /// The number of requests allowed per one-hour window, reported in <c>X-Rate-Limit-Limit</c>.
    /// Once the window's requests are used up the server answers 429. Defaults to 1000.
    /// </summary>
    public int RateLimit { get; set; } = 1000;
}
