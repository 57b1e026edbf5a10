using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Features.Users;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.RateLimiting;

namespace Zout.Basisondersteuning.Web.Features.Administration;

/// <summary>Services and middleware of the partnership administration (issue 6), in one place.</summary>
public static class AdministrationSetup
{
    public static IServiceCollection AddPartnershipAdministration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<InvitationMail>();
        services.AddScoped<Support.PartnershipSupportQuery>();

        // Invitation links: Identity's data-protection tokens under their own name and lifespan.
        services.AddTransient<InvitationTokenProvider>();
        services.Configure<IdentityOptions>(o =>
            o.Tokens.ProviderMap[InvitationTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(InvitationTokenProvider)));

        // Deactivated users are signed out; staff must set up two-factor first.
        services.AddScoped<AccountGuardFilter>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<AccountGuardFilter>());

        services.AddSharedRateLimits(configuration);

        // Reminders before the scan window closes: the daily job, safe with more than one instance.
        services.AddScoped<Reminders.DailyJobClaim>();
        services.AddScoped<Reminders.ScanReminderJob>();
        if (configuration.GetValue("Reminders:Scheduled", defaultValue: true)) services.AddHostedService<Reminders.ReminderScheduler>();
        return services;
    }

    /// <summary>Goes after UseRouting and before UseAuthentication.</summary>
    public static IApplicationBuilder UsePartnershipAdministration(this IApplicationBuilder app)
    {
        app.UseMiddleware<AccountRateLimitMiddleware>();
        return app;
    }
}

/// <summary>
/// The limits on the anonymous account forms: log-in (per address and per account), the password-reset mail (per
/// address and per account) and accepting an invitation (per address). Counted in the database
/// (<see cref="SharedRateLimiter"/>), so all app instances share them. A refused attempt gets 429 with Retry-After and
/// the Dutch error page (/fout/429).
/// </summary>
public sealed class AccountRateLimitMiddleware(RequestDelegate next, SharedRateLimiter limiter, RateLimitRules rules, ILogger<AccountRateLimitMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var (perAddress, perAccount) = RulesFor(context.Request);
        if (perAddress is not null)
        {
            var refused = await TryAcquireAsync(perAddress, context.ClientAddress(), context) ? null : perAddress;
            if (refused is null && perAccount is not null && context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                var email = form["Email"].ToString().Trim().ToLowerInvariant();
                if (email.Length > 0 && !await TryAcquireAsync(perAccount, email, context)) refused = perAccount;
            }

            if (refused is not null)
            {
                logger.LogWarning("Rate limit {Rule} reached for {Path}", refused.Name, context.Request.Path.Value);
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = limiter.SecondsUntilNextWindow(refused).ToString(CultureInfo.InvariantCulture);
                return;
            }
        }

        await next(context);
    }

    private Task<bool> TryAcquireAsync(RateLimitRule rule, string key, HttpContext context) => limiter.TryAcquireAsync(rule, key, context.RequestAborted);

    private (RateLimitRule? PerAddress, RateLimitRule? PerAccount) RulesFor(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method)) return (null, null);
        var path = request.Path;
        if (path.Equals("/account/inloggen", StringComparison.OrdinalIgnoreCase) || path.Equals("/account/inloggen/code", StringComparison.OrdinalIgnoreCase))
        {
            return (rules.LoginPerAddress, rules.LoginPerAccount);
        }

        if (path.Equals("/account/wachtwoord-vergeten", StringComparison.OrdinalIgnoreCase)) return (rules.PasswordResetPerAddress, rules.PasswordResetPerAccount);
        if (path.Equals("/account/uitnodiging", StringComparison.OrdinalIgnoreCase)) return (rules.InvitationPerAddress, null);
        return (null, null);
    }
}
