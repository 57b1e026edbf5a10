using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Serilog;
using Serilog.Formatting.Compact;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Features.Administration;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Features.Shared;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Database;
using Zout.Basisondersteuning.Web.Infrastructure.Email;
using Zout.Basisondersteuning.Web.Infrastructure.Identity;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;
using Zout.Basisondersteuning.Web.Infrastructure.Security;
using Zout.Basisondersteuning.Web.Infrastructure.Storage;

namespace Zout.Basisondersteuning.Web.Infrastructure;

/// <summary>The composition root's two halves: services and the request pipeline.</summary>
public static class PortalSetup
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var environment = builder.Environment;

        CultureInfo.DefaultThreadCurrentCulture = Dutch;
        CultureInfo.DefaultThreadCurrentUICulture = Dutch;
        ValidatorOptions.Global.LanguageManager.Culture = Dutch;

        var paths = new StoragePaths(configuration, environment);
        services.AddSingleton(paths);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        services.AddSerilog((sp, logger) =>
        {
            logger.ReadFrom.Configuration(configuration)
                // Sinks registered as services as well: the tests keep each portal's log in memory this way.
                .ReadFrom.Services(sp)
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
                .Enrich.FromLogContext()
                .WriteTo.File(new CompactJsonFormatter(), Path.Combine(paths.LogDirectory, "portal-.json"),
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31);
            if (!configuration.GetValue("Serilog:Console", true))
            {
                return;
            }

            if (environment.IsDevelopment())
            {
                logger.WriteTo.Console(formatProvider: CultureInfo.InvariantCulture);
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });

        services.AddAppDatabase(configuration);
        services.AddAppEmail(configuration);
        services.AddPublicUrls(configuration, environment);

        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DutchIdentityErrorDescriber>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(1));
        // How often a signed-in cookie is checked against the account (password or two-factor changed, deactivated).
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = TimeSpan.FromSeconds(configuration.GetValue("Security:StampValidationSeconds", 300)));

        var requireHttps = !environment.IsDevelopment();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "zb.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/inloggen";
            options.LogoutPath = "/account/uitloggen";
            options.ReturnUrlParameter = "returnUrl";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = Authorization.SecurityStampCheck.WhenDueAsync;
            // A 403 page instead of a redirect, so the status is honest and the page explains it.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "zb.af";
            options.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.Name = "zb.tmp");

        services.AddSharedDataProtection(configuration, paths);

        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter());
            })
            .AddRazorOptions(FeatureViewLocations.Configure);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddTrustedProxies(configuration);

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database").AddCheck<MailModeHealthCheck>("email");
        services.AddPdfRendering(configuration);
        Features.Documents.DocumentsServiceCollectionExtensions.AddDocuments(services);

        services.AddMemoryCache();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<AccountCache>();
        services.AddSingleton<StructureIndex>();
        services.AddScoped<Data.FrameworkStore>();
        services.AddSingleton<Data.FrameworkCatalog>();
        services.AddScoped<Features.Scans.ScanContextLoader>();
        services.AddScoped<Features.Scans.ScanFactory>();
        services.AddScoped<Features.Scans.ScanTransitions>();
        services.AddScoped<AccessPolicy>();
        services.AddDashboards();
        // SectionValidator is built per request for the year's framework, so it is not a service.
        services.AddValidatorsFromAssemblyContaining<AppDbContext>(ServiceLifetime.Singleton,
            filter: result => result.ValidatorType != typeof(Features.Scans.SectionValidator));
        services.AddUseCaseHandlers();
        // Partnership administration: audit log, 2FA, login rate limit, reminders.
        services.AddPartnershipAdministration(configuration);
        // Team Basisondersteuning: notifications (per event or a daily digest), phases, conversation reports (issue 11).
        Features.Phases.TeamSetup.AddTeamBasisondersteuning(services, configuration);
        return builder;
    }

    /// <summary>Registers every nested class named Handler (the use cases in Features/).</summary>
    private static void AddUseCaseHandlers(this IServiceCollection services)
    {
        foreach (var type in typeof(PortalSetup).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsNested: true, Name: "Handler" }))
        {
            services.AddScoped(type);
        }
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        if (MailModeWarning.IsFolderOutsideDevelopment(app.Services.GetRequiredService<EmailOptions>(), app.Environment))
        {
            app.Logger.LogWarning("{Warning} Mail folder: {Folder}", MailModeWarning.Text, app.Services.GetRequiredService<StoragePaths>().MailDirectory);
        }

        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/fout");
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/fout/{0}");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Dutch),
            SupportedCultures = [Dutch],
            SupportedUICultures = [Dutch],
        });
        app.UseStaticFiles();
        app.UseSerilogRequestLogging();
        app.UseRouting();
        app.UsePartnershipAdministration();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        app.MapControllers();
        return app;
    }

    /// <summary>
    /// The status of each check for everybody; what each check found (paths, error texts) only for a call from the machine
    /// itself or from a signed-in user, so an anonymous caller learns nothing about the server.
    /// </summary>
    private static Task WriteHealthAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var details = context.User.Identity?.IsAuthenticated == true
                      || (context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address));
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = details ? e.Value.Description ?? e.Value.Exception?.Message : null,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
