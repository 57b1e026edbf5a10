using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Data.Seeding;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Infrastructure.Commands;

namespace Zout.Basisondersteuning.Tests.Operations;

[Collection(Portals.Main)]
public sealed partial class CreateAdminCommandTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [Fact]
    public async Task CreateAdmin_GeneratesPasswordOnce_AndTheAdminCanLogIn()
    {
        var output = new StringWriter();
        var exit = await CreateAdminCommand.RunAsync(Factory.Services, ["create-admin", "--email", "eerste@swv.example", "--name", "Eerste Beheerder"], new StringReader(""), output);
        Assert.Equal(0, exit);
        var password = GeneratedPassword().Match(output.ToString()).Groups[1].Value;
        Assert.Equal(20, password.Length);

        var client = Factory.CreatePortalClient();
        var login = await client.LoginAsync("eerste@swv.example", password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/overzicht/scholen", (await client.GetAsync("/")).Location());

        var again = await CreateAdminCommand.RunAsync(Factory.Services, ["create-admin", "--email", "eerste@swv.example"], new StringReader(""), new StringWriter());
        Assert.Equal(1, again);
    }

    [Fact]
    public async Task CreateAdmin_PasswordFromStdin_TooShort_IsRefused()
    {
        var output = new StringWriter();
        var exit = await CreateAdminCommand.RunAsync(Factory.Services, ["create-admin", "--email", "kort@swv.example", "--password-stdin"], new StringReader("kort\n"), output);
        Assert.Equal(1, exit);
        Assert.Contains("minstens 10 tekens", output.ToString());
    }

    [Fact]
    public async Task CreateAdmin_WithoutEmail_PrintsUsage()
    {
        var output = new StringWriter();
        Assert.Equal(2, await CreateAdminCommand.RunAsync(Factory.Services, ["create-admin"], new StringReader(""), output));
        Assert.Contains("Gebruik:", output.ToString());
    }

    [GeneratedRegex(@"Wachtwoord \(wordt maar één keer getoond\): (\S+)")]
    private static partial Regex GeneratedPassword();
}

[Collection(Portals.Main)]
public sealed class AuditTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [Fact]
    public async Task SaveChanges_FillsAuditFields_FromTimeProvider()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var created = Factory.Time.GetUtcNow();
        var region = new Region { Name = "Audit-regio" };
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        Assert.Equal(created, region.CreatedAt);
        Assert.Equal("systeem", region.CreatedBy);

        Factory.Time.Advance(TimeSpan.FromHours(2));
        region.Description = "gewijzigd";
        await db.SaveChangesAsync();

        var stored = await Factory.WithDbAsync(d => d.Regions.AsNoTracking().SingleAsync(r => r.Id == region.Id));
        Assert.Equal(created, stored.CreatedAt);
        Assert.Equal(created.AddHours(2), stored.UpdatedAt);
        Assert.NotEqual(default, await Factory.WithDbAsync(d => d.Schools.Where(s => s.Id == World.SchoolA1.Id).Select(s => s.CreatedAt).SingleAsync()));
    }
}

/// <summary>The Development demo data: the partnership, and every account of the README with its password.</summary>
public sealed class DemoDataFactory : PortalFactory
{
    protected override string Environment => "Development";
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Demo:PublishDocuments"] = "false" };

    /// <summary>The app seeds the demo data when it starts; no World on top of it.</summary>
    protected override Task SeedAsync() => Task.CompletedTask;
}

/// <summary>The Development environment with the demo data, on the demo portal (shared with the demo's documents).</summary>
[Collection(Portals.Demo)]
public sealed class DemoDataTests(DemoDataFactory factory, ITestOutputHelper output) : PortalTest<DemoDataFactory>(factory, output)
{
    [Fact]
    public async Task DemoData_HasRegionsBoardsSchools_IncludingDuoSample()
    {
        var counts = await Factory.WithDbAsync(async db => (
            Regions: await db.Regions.CountAsync(),
            Boards: await db.Boards.CountAsync(),
            Schools: await db.Schools.CountAsync(),
            Sample: await db.Schools.CountAsync(s => new[] { "12AB00", "12AB01", "13CD00", "14EF00", "15GH00", "16JK00", "17LM00", "18NP00", "19QR00", "20ST00" }.Contains(s.LocationCode)),
            WithoutContact: await db.Schools.CountAsync(s => s.ContactPersonId == null)));
        Assert.Equal(3, counts.Regions);
        Assert.Equal(5, counts.Boards);
        Assert.InRange(counts.Schools, 25, 35);
        Assert.Equal(10, counts.Sample);
        Assert.Equal(0, counts.WithoutContact);
    }

    [Theory]
    [InlineData(DemoData.AdminEmail, "/overzicht/scholen")]
    [InlineData(DemoData.ConsultantEmail, "/consulent")]
    [InlineData(DemoData.BoardEmail, "/overzicht/scholen")]
    [InlineData(DemoData.SchoolEmail, "/school/12AB00")]
    [InlineData(DemoData.DirectorEmail, "/school/12AB00")]
    [InlineData(DemoData.OtherSchoolEmail, "/school/14EF00")]
    public async Task DemoAccounts_LogInWithReadmePassword_AndLandOnTheirHome(string email, string home)
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.LoginAsync(email, DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(home, (await client.GetAsync("/")).Location());
    }

    [Fact]
    public async Task DemoBoardUser_SeesTheBoardOfTheDemoSchool_AndOtherBoardSchoolIsForbidden()
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.LoginAsync(DemoData.BoardEmail, DemoData.Password);
        var list = await client.GetHtmlAsync("/overzicht/scholen");
        var codes = list.TestIds("school-row", "data-code");
        Assert.Contains(DemoData.SchoolCode, codes);
        Assert.DoesNotContain(DemoData.OtherSchoolCode, codes);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/school/{DemoData.OtherSchoolCode}")).StatusCode);
    }

    [Fact]
    public void Readme_PrintsTheDemoPassword()
    {
        var readme = File.ReadAllText(TestFiles.Repository("README.md"));
        Assert.Contains($"Wachtwoord: `{DemoData.Password}`", readme);
        foreach (var email in new[] { DemoData.AdminEmail, DemoData.ConsultantEmail, DemoData.BoardEmail, DemoData.SchoolEmail, DemoData.DirectorEmail, DemoData.OtherSchoolEmail })
        {
            Assert.Contains(email, readme);
        }
    }
}
