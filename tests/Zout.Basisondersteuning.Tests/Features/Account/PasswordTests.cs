using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Account;

/// <summary>Each test changes the password of a user of its own, so the World's accounts keep theirs.</summary>
[Collection(Portals.Main)]
public sealed partial class PasswordTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [Fact]
    public async Task PasswordReset_EndToEnd_ThroughMailFolder()
    {
        var email = (await Data.CreateUserAsync(u => u.SchoolUser(World.SchoolB1))).Email;
        var client = Factory.CreatePortalClient();
        var sent = await client.PostFormAsync("/account/wachtwoord-vergeten", "/account/wachtwoord-vergeten",
            new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.NotNull((await sent.HtmlAsync()).QuerySelector("[data-testid='forgot-password-sent']"));

        var mail = LatestMailTo(email);
        Assert.Equal("Nieuw wachtwoord instellen", mail.Subject);
        var link = ResetLink().Match(mail.TextBody ?? "").Value;
        Assert.StartsWith("https://localhost/account/wachtwoord-herstellen?", link);

        var resetPage = new Uri(link).PathAndQuery;
        var form = await client.GetHtmlAsync(resetPage);
        var code = form.QuerySelector("input[name='Code']")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(code));

        var reset = await client.PostFormAsync(resetPage, "/account/wachtwoord-herstellen", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Code"] = code!,
            ["Password"] = "Nieuw-wachtwoord-456",
            ["ConfirmPassword"] = "Nieuw-wachtwoord-456",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Factory.CreatePortalClient().LoginAsync(email)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Factory.CreatePortalClient().LoginAsync(email, "Nieuw-wachtwoord-456")).StatusCode);

        // The link works once.
        var again = await client.PostFormAsync(resetPage, "/account/wachtwoord-herstellen", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Code"] = code!,
            ["Password"] = "Nog-een-wachtwoord-789",
            ["ConfirmPassword"] = "Nog-een-wachtwoord-789",
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("ongeldig of verlopen", (await again.HtmlAsync()).QuerySelector("[data-testid='error-summary']")?.TextContent);
    }

    [Fact]
    public async Task ForgotPassword_UnknownEmail_SameAnswer_NoMail()
    {
        var response = await Factory.CreatePortalClient().PostFormAsync("/account/wachtwoord-vergeten", "/account/wachtwoord-vergeten",
            new Dictionary<string, string> { ["Email"] = "niemand@test.example" });
        Assert.NotNull((await response.HtmlAsync()).QuerySelector("[data-testid='forgot-password-sent']"));
        Assert.DoesNotContain(ReadMails(), m => m.To.ToString().Contains("niemand@test.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResetPassword_Mismatch_AndTooShort_ShowErrorsWithInputKept()
    {
        var client = Factory.CreatePortalClient();
        var response = await client.PostFormAsync("/account/wachtwoord-herstellen?email=x@test.example&code=abc", "/account/wachtwoord-herstellen",
            new Dictionary<string, string> { ["Email"] = "x@test.example", ["Code"] = "abc", ["Password"] = "kort", ["ConfirmPassword"] = "anders" });
        var page = await response.HtmlAsync();
        Assert.Equal("De twee wachtwoorden zijn niet gelijk.", page.QuerySelector("[data-testid='error-ConfirmPassword']")?.TextContent.Trim());
        Assert.Equal("x@test.example", page.QuerySelector("#Email")?.GetAttribute("value"));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrent_ShowsError_RightCurrent_Changes()
    {
        var email = (await Data.CreateUserAsync(u => u.SchoolUser(World.SchoolA1).Director())).Email;
        var client = await Factory.LoggedInClientAsync(email);
        var wrong = await client.PostFormAsync("/account/wachtwoord-wijzigen", "/account/wachtwoord-wijzigen", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "niet-het-wachtwoord",
            ["NewPassword"] = "Ander-wachtwoord-1",
            ["ConfirmPassword"] = "Ander-wachtwoord-1",
        });
        Assert.Equal("Het wachtwoord klopt niet.", (await wrong.HtmlAsync()).QuerySelector("[data-testid='error-CurrentPassword']")?.TextContent.Trim());

        var tooShort = await client.PostFormAsync("/account/wachtwoord-wijzigen", "/account/wachtwoord-wijzigen", new Dictionary<string, string>
        {
            ["CurrentPassword"] = PortalFactory.TestPassword,
            ["NewPassword"] = "kort",
            ["ConfirmPassword"] = "kort",
        });
        Assert.Contains("minstens 10 tekens", (await tooShort.HtmlAsync()).QuerySelector("[data-testid='error-NewPassword']")?.TextContent);

        var ok = await client.PostFormAsync("/account/wachtwoord-wijzigen", "/account/wachtwoord-wijzigen", new Dictionary<string, string>
        {
            ["CurrentPassword"] = PortalFactory.TestPassword,
            ["NewPassword"] = "Ander-wachtwoord-1",
            ["ConfirmPassword"] = "Ander-wachtwoord-1",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Factory.CreatePortalClient().LoginAsync(email, "Ander-wachtwoord-1")).StatusCode);
    }

    private List<MimeMessage> ReadMails() =>
        Directory.Exists(Factory.MailDirectory)
            ? Directory.GetFiles(Factory.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f)).ToList()
            : [];

    /// <summary>The mail is written before the request that sends it answers.</summary>
    private MimeMessage LatestMailTo(string email) =>
        ReadMails().Where(m => m.To.ToString().Contains(email, StringComparison.Ordinal)).OrderByDescending(m => m.Date).FirstOrDefault()
        ?? throw new InvalidOperationException($"No mail to {email} in {Factory.MailDirectory}");

    [GeneratedRegex(@"https://\S+/account/wachtwoord-herstellen\?\S+")]
    private static partial Regex ResetLink();
}
