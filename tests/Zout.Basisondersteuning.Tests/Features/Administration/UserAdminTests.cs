using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;

namespace Zout.Basisondersteuning.Tests.Features.Administration;

[Collection(Portals.Main)]
public sealed partial class UserAdminTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [GeneratedRegex(@"https://localhost/account/uitnodiging\?\S+")]
    private static partial Regex InvitationLink();

    private string LatestInvitationLink(string email)
    {
        var mail = Directory.GetFiles(Factory.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase)).OrderBy(m => m.Date).Last();
        Assert.Equal("Uitnodiging voor de portal Basisondersteuning", mail.Subject);
        return new Uri(InvitationLink().Match(mail.TextBody ?? "").Value).PathAndQuery;
    }

    private async Task InviteAsync(HttpClient admin, string email, string role = "SchoolUser", string? schoolId = null, string isDirector = "false")
    {
        var response = await admin.PostFormAsync("/beheer/gebruikers/uitnodigen", "/beheer/gebruikers/uitnodigen", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Nieuwe Collega",
            ["Input.Role"] = role,
            ["Input.SchoolId"] = schoolId ?? World.SchoolA1.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.IsDirector"] = isDirector,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, string link, string password)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("https://localhost" + link).Query);
        return client.PostFormAsync(link, "/account/uitnodiging", new Dictionary<string, string>
        { ["Id"] = query["id"]!, ["Code"] = query["code"]!, ["Password"] = password, ["ConfirmPassword"] = password });
    }

    [Fact]
    public async Task Invitation_EndToEnd_SetPassword_LogIn_LastLoginShown()
    {
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        await InviteAsync(admin, "nieuw-a1@test.example", isDirector: "true");
        var user = await Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "nieuw-a1@test.example"));
        Assert.Equal((UserRole.SchoolUser, World.SchoolA1.Id, true, (string?)null), (user.Role, user.SchoolId, user.IsDirector, user.PasswordHash));

        var link = LatestInvitationLink("nieuw-a1@test.example");
        var visitor = Factory.CreatePortalClient();
        var accepted = await AcceptAsync(visitor, link, "Mijn-eigen-wachtwoord-1");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var login = await Factory.CreatePortalClient().LoginAsync("nieuw-a1@test.example", "Mijn-eigen-wachtwoord-1");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        // The link works once.
        Assert.NotNull((await visitor.GetHtmlAsync(link)).QuerySelector("[data-testid='invitation-invalid']"));

        var list = await admin.GetHtmlAsync("/beheer/gebruikers");
        var row = list.QuerySelector("[data-testid='user-row'][data-email='nieuw-a1@test.example']");
        Assert.Equal("Actief", row?.QuerySelector("[data-testid='status']")?.TextContent);
        Assert.NotEqual("Nog nooit", row?.QuerySelector("[data-testid='last-login']")?.TextContent);
        Assert.True(await Factory.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == AuditActions.UserInvited && e.Subject == "nieuw-a1@test.example")));
    }

    [Fact]
    public async Task Invitation_Expired_IsRefused_ResendWorks()
    {
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        await InviteAsync(admin, "verlopen@test.example");
        var link = LatestInvitationLink("verlopen@test.example");
        Factory.Time.Advance(TimeSpan.FromDays(8));
        try
        {
            var visitor = Factory.CreatePortalClient();
            Assert.NotNull((await visitor.GetHtmlAsync(link)).QuerySelector("[data-testid='invitation-invalid']"));
            Assert.Null(await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == "verlopen@test.example").Select(u => u.PasswordHash).SingleAsync()));

            var id = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == "verlopen@test.example").Select(u => u.Id).SingleAsync());
            var admin2 = await Factory.LoggedInClientAsync(World.Admin);
            Assert.Equal(HttpStatusCode.Redirect, (await admin2.PostFormAsync($"/beheer/gebruikers/{id}", $"/beheer/gebruikers/{id}/opnieuw-uitnodigen", new Dictionary<string, string>())).StatusCode);
            var fresh = LatestInvitationLink("verlopen@test.example");
            Assert.NotEqual(link, fresh);
            Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(visitor, fresh, "Weer-een-wachtwoord-2")).StatusCode);
        }
        finally
        {
            Factory.Time.Advance(TimeSpan.FromMinutes(1));
        }
    }

    [Fact]
    public async Task Invite_ExistingEmail_AndMissingSchool_ShowDutchErrors()
    {
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var response = await admin.PostFormAsync("/beheer/gebruikers/uitnodigen", "/beheer/gebruikers/uitnodigen", new Dictionary<string, string>
        { ["Input.Email"] = World.SchoolA1User, ["Input.DisplayName"] = "Dubbel", ["Input.Role"] = "SchoolUser", ["Input.SchoolId"] = "" });
        var page = await response.HtmlAsync();
        Assert.Equal("Kies de school van deze medewerker.", page.QuerySelector("[data-testid='error-Input_SchoolId']")?.TextContent.Trim());
        var again = await admin.PostFormAsync("/beheer/gebruikers/uitnodigen", "/beheer/gebruikers/uitnodigen", new Dictionary<string, string>
        { ["Input.Email"] = World.SchoolA1User, ["Input.DisplayName"] = "Dubbel", ["Input.Role"] = "SchoolUser", ["Input.SchoolId"] = World.SchoolA1.Id.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal("Er is al een account met dit e-mailadres.", (await again.HtmlAsync()).QuerySelector("[data-testid='error-Input_Email']")?.TextContent.Trim());
    }

    [Fact]
    public async Task DeactivatedUser_IsLoggedOut_AndCannotLogIn_RoleChangeAudited()
    {
        var email = (await Data.CreateUserAsync(u => u.SchoolUser(World.SchoolB1))).Email;

        var session = await Factory.LoggedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/school/{World.SchoolB1.Code}")).StatusCode);

        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var id = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var page = await admin.GetHtmlAsync($"/beheer/gebruikers/{id}");
        var stamp = page.QuerySelector("input[name='Input.ConcurrencyStamp']")!.GetAttribute("value")!;
        var saved = await admin.PostFormAsync($"/beheer/gebruikers/{id}", $"/beheer/gebruikers/{id}", new Dictionary<string, string>
        {
            ["Input.ConcurrencyStamp"] = stamp,
            ["Input.DisplayName"] = "Weg",
            ["Input.Role"] = "BoardUser",
            ["Input.BoardId"] = World.BoardB.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.IsActive"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The open session stops at the next request.
        var after = await session.GetAsync($"/school/{World.SchoolB1.Code}");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/inloggen", after.Location());
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreatePortalClient().LoginAsync(email)).StatusCode);

        var entries = await Factory.WithDbAsync(db => db.AuditLog.Where(e => e.Subject == email).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.RoleChanged, entries);
        Assert.Contains(AuditActions.UserDeactivated, entries);
        Assert.Contains(AuditActions.Login, entries);
        Assert.Contains(AuditActions.LoginFailed, entries);

        var log = await admin.GetHtmlAsync("/beheer/logboek?soort=role-changed");
        Assert.Contains(log.QuerySelectorAll("[data-testid='audit-row']"), r => r.TextContent.Contains(email, StringComparison.Ordinal));
        Assert.All(log.QuerySelectorAll("[data-testid='audit-row']"), r => Assert.Equal(AuditActions.RoleChanged, r.GetAttribute("data-action")));
    }

    [Fact]
    public async Task Admin_ResetsSomeonesTwoFactor()
    {
        var director = await Data.CreateUserAsync(u => u.SchoolUser(World.SchoolA1).Director());
        var id = director.Id;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(id))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        var admin = await Factory.LoggedInClientAsync(World.Admin);
        Assert.Equal("Aan", (await admin.GetHtmlAsync($"/beheer/gebruikers/{id}")).QuerySelector("[data-testid='two-factor']")?.TextContent);
        var reset = await admin.PostFormAsync($"/beheer/gebruikers/{id}", $"/beheer/gebruikers/{id}/tweestapsverificatie-wissen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.True(await Factory.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == AuditActions.TwoFactorReset && e.Subject == director.Email)));
        // Logging in needs only the password again.
        Assert.Equal("/", (await Factory.CreatePortalClient().LoginAsync(director.Email)).Location());
    }
}
