using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Tests.Authorization;

/// <summary>
/// The sign-in cookie's security stamp is checked by Identity's validator when the cookie is older than the interval
/// (or has no time of issue), and only then: the same rule as the validator's own, without building it on every request.
/// </summary>
public sealed class SecurityStampCheckTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(0, false)]
    [InlineData(60, false)]
    [InlineData(300, false)]
    [InlineData(301, true)]
    [InlineData(3600, true)]
    public async Task TheValidatorIsAsked_OnlyWhenTheCookieIsOlderThanTheInterval(int ageSeconds, bool asked)
    {
        var (context, validator) = Context(issuedSecondsAgo: ageSeconds);
        await SecurityStampCheck.WhenDueAsync(context);
        Assert.Equal(asked ? 1 : 0, validator.Calls);
    }

    [Fact]
    public async Task ACookieWithoutTimeOfIssue_IsAlwaysChecked()
    {
        var (context, validator) = Context(issuedSecondsAgo: null);
        await SecurityStampCheck.WhenDueAsync(context);
        Assert.Equal(1, validator.Calls);
    }

    private static (CookieValidatePrincipalContext Context, RecordingValidator Validator) Context(int? issuedSecondsAgo)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var validator = new RecordingValidator();
        var services = new ServiceCollection()
            .AddSingleton<ISecurityStampValidator>(validator)
            .Configure<SecurityStampValidatorOptions>(o =>
            {
                o.ValidationInterval = Interval;
                o.TimeProvider = time;
            })
            .BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        var properties = new AuthenticationProperties { IssuedUtc = issuedSecondsAgo is { } age ? time.GetUtcNow().AddSeconds(-age) : null };
        var scheme = new AuthenticationScheme(IdentityConstants.ApplicationScheme, null, typeof(CookieAuthenticationHandler));
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity("test")), properties, scheme.Name);
        return (new CookieValidatePrincipalContext(http, scheme, new CookieAuthenticationOptions(), ticket), validator);
    }

    private sealed class RecordingValidator : ISecurityStampValidator
    {
        public int Calls { get; private set; }

        public Task ValidateAsync(CookieValidatePrincipalContext context)
        {
            Calls++;
            return Task.CompletedTask;
        }
    }
}
