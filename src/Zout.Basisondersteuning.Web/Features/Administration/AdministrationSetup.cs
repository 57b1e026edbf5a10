using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Features.Users;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;

namespace Zout.Basisondersteuning.Web.Features.Administration;

/// <summary>Services and middleware of the partnership administration (issue 6), in one place.</summary>
public static class AdministrationSetup
{
    private const string LoginEmailItem = "zb.login-email";

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

        AddLoginRateLimit(services, configuration);

        // Reminders before the scan window closes: the daily job, safe with more than one instance.
        services.AddScoped<Reminders.DailyJobClaim>();
        services.AddScoped<Reminders.ScanReminderJob>();
        if (configuration.GetValue("Reminders:Scheduled", defaultValue: true)) services.AddHostedService<Reminders.ReminderScheduler>();
        return services;
    }

    /// <summary>Goes after UseRouting and before UseAuthentication.</summary>
    public static IApplicationBuilder UsePartnershipAdministration(this IApplicationBuilder app)
    {
        // The rate limiter's partitioner cannot read the form itself (no async there): read the email first.
        app.Use(async (context, next) =>
        {
            if (IsLoginPost(context) && context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                context.Items[LoginEmailItem] = form["Email"].ToString().Trim().ToLowerInvariant();
            }

            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    private static bool IsLoginPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && (context.Request.Path.Equals("/account/inloggen", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.Equals("/account/inloggen/code", StringComparison.OrdinalIgnoreCase));

    /// <summary>Login attempts are limited per address and per account (the email typed), with a Dutch 429 page.</summary>
    private static void AddLoginRateLimit(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Security:LoginRateLimit");
        var perAddress = section.GetValue("PerAddress", 20);
        var perAccount = section.GetValue("PerAccount", 10);
        var window = TimeSpan.FromMinutes(section.GetValue("WindowMinutes", 10));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => !IsLoginPost(context)
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetFixedWindowLimiter("ip:" + (context.Connection.RemoteIpAddress ?? IPAddress.None),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perAddress, Window = window, QueueLimit = 0 })),
                PartitionedRateLimiter.Create<HttpContext, string>(context => !IsLoginPost(context) || context.Items[LoginEmailItem] is not string { Length: > 0 } email
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetFixedWindowLimiter("account:" + email,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perAccount, Window = window, QueueLimit = 0 })));
        });
    }
}
