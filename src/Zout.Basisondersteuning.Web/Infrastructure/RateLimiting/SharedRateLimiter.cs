using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;

namespace Zout.Basisondersteuning.Web.Infrastructure.RateLimiting;

/// <summary>A limit: at most <paramref name="PermitLimit"/> times per fixed <paramref name="Window"/>, per key.</summary>
public sealed record RateLimitRule(string Name, int PermitLimit, TimeSpan Window)
{
    public static RateLimitRule FromConfiguration(IConfiguration configuration, string section, string name, int permitLimit, TimeSpan window)
    {
        var s = configuration.GetSection(section);
        return new RateLimitRule(name, s.GetValue("PermitLimit", permitLimit), TimeSpan.FromMinutes(s.GetValue("WindowMinutes", window.TotalMinutes)));
    }
}

/// <summary>
/// Fixed-window rate limits counted in the database (<see cref="RateLimitCounter"/>), so that every app instance sees the
/// same counts: a log-in limit per address cannot be dodged by landing on another instance. One atomic UPDATE per
/// attempt (an INSERT for the first of a window), on SQLite and SQL Server alike. What is counted (an address, an
/// e-mail address) is stored only as a hash. Any feature can use it: inject it and call <see cref="TryAcquireAsync"/>.
/// </summary>
public sealed class SharedRateLimiter(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>Counts one attempt; false (nothing counted) when the limit of the current window is reached.</summary>
    public async Task<bool> TryAcquireAsync(RateLimitRule rule, string key, CancellationToken cancellationToken)
    {
        if (rule.PermitLimit <= 0) return false;
        var now = time.GetUtcNow();
        var window = now.UtcTicks / rule.Window.Ticks;
        var rowKey = $"{rule.Name}:{Hash(key)}:{window}";
        var expiresAt = new DateTimeOffset((window + 1) * rule.Window.Ticks, TimeSpan.Zero);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var counted = await db.Set<RateLimitCounter>()
                .Where(c => c.Key == rowKey && c.Count < rule.PermitLimit)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + 1), cancellationToken);
            if (counted == 1) return true;
            // Refused only when the window's count is really at the limit: the row may have been inserted by a concurrent
            // first attempt just after the update looked for it (that refused two of 200 log-ins in the load test).
            var count = await db.Set<RateLimitCounter>().Where(c => c.Key == rowKey).Select(c => (int?)c.Count).FirstOrDefaultAsync(cancellationToken);
            if (count >= rule.PermitLimit) return false;
            if (count is not null) continue;

            // The first attempt of this window: insert it; another instance may win the race, then count again.
            var row = new RateLimitCounter { Key = rowKey, Count = 1, ExpiresAt = expiresAt };
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await db.Set<RateLimitCounter>().Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }

        return false;
    }

    /// <summary>The seconds until the current window of a rule ends, for a Retry-After header.</summary>
    public int SecondsUntilNextWindow(RateLimitRule rule)
    {
        var now = time.GetUtcNow().UtcTicks;
        var end = (now / rule.Window.Ticks + 1) * rule.Window.Ticks;
        return (int)Math.Ceiling(TimeSpan.FromTicks(end - now).TotalSeconds);
    }

    private static string Hash(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value.Trim().ToLowerInvariant())))[..40];
}
