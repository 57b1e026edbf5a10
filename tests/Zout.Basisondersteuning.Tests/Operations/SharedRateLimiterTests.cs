using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.RateLimiting;

namespace Zout.Basisondersteuning.Tests.Operations;

/// <summary>
/// The shared rate limits under concurrent attempts: the first attempts of a window race to insert its row. An attempt
/// that lost that race was refused although the limit was far away (two of 200 log-ins in the load test of issue 14).
/// </summary>
[Collection(Portals.Main)]
public sealed class SharedRateLimiterTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [Fact]
    public async Task ConcurrentFirstAttemptsOfAWindow_AreAllCounted_AndTheLimitStillHolds()
    {
        var limiter = Factory.Services.GetRequiredService<SharedRateLimiter>();
        for (var round = 0; round < 10; round++)
        {
            // Far from the limit: every attempt passes.
            var roomy = new RateLimitRule($"test-roomy-{round}-{Guid.NewGuid():N}", 1000, TimeSpan.FromHours(1));
            var passed = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => limiter.TryAcquireAsync(roomy, "one address", CancellationToken.None))));
            Assert.All(passed, Assert.True);

            // At the limit: exactly as many pass as it allows.
            var tight = new RateLimitRule($"test-tight-{round}-{Guid.NewGuid():N}", 5, TimeSpan.FromHours(1));
            var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => limiter.TryAcquireAsync(tight, "one address", CancellationToken.None))));
            Assert.Equal(5, results.Count(r => r));
        }
    }
}
