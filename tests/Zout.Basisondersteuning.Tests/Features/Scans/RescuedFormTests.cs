using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using static Zout.Basisondersteuning.Tests.Features.Scans.ScanForms;

namespace Zout.Basisondersteuning.Tests.Features.Scans;

/// <summary>A scan portal whose rescued-form store takes at most 3 posts per address per hour.</summary>
public sealed class RescuePortalFactory : ScanPortal
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:RescuedFormRateLimit:PerAddress"] = "3",
    };
}

/// <summary>
/// Anybody can post to a scan section without logging in: what is kept of it must be small, the section's own, for an
/// existing school and section, limited per address, and only handed back to a user of that school (issue 14, point 3).
/// A portal of its own: it counts the posts of one address.
/// </summary>
public sealed class RescuedFormTests(RescuePortalFactory factory, ITestOutputHelper output)
    : PortalTest<RescuePortalFactory>(factory, output), IClassFixture<RescuePortalFactory>
{
    private Task<int> StoredAsync() => Factory.WithDbAsync(db => db.RescuedForms.CountAsync());

    private static Task<HttpResponseMessage> AnonymousPostAsync(HttpClient client, string url, Dictionary<string, string> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields));

    private async Task ClearAsync() => await Factory.WithDbAsync(db => db.RescuedForms.ExecuteDeleteAsync());

    private async Task ResetLimitAsync() => await Factory.WithDbAsync(db => db.RateLimitCounters.ExecuteDeleteAsync());

    [Fact]
    public async Task AnonymousPost_ForAnUnknownSchoolYearOrSection_IsNotStored()
    {
        await ClearAsync();
        await ResetLimitAsync();
        var school = await Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).WithStaff());
        var fields = new Dictionary<string, string> { ["Input.Version"] = "0", ["Input.Items[0].Key"] = "d:rekenen:expertise", ["Input.Items[0].Text"] = "x" };
        var browser = Factory.CreatePortalClient();

        foreach (var url in new[]
                 {
                     "/school/00XX99/scan/2026-2027/sectie/domein-rekenen",
                     $"/school/{school.Code}/scan/2031-2032/sectie/domein-rekenen",
                     $"/school/{school.Code}/scan/2026-2027/sectie/bestaat-niet",
                 })
        {
            var response = await AnonymousPostAsync(browser, url, fields);
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.DoesNotContain("herstel=", response.Location() ?? "");
        }

        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task AnonymousPost_KeepsOnlyTheSectionsOwnFields()
    {
        await ClearAsync();
        await ResetLimitAsync();
        var school = await Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).WithStaff());
        var url = school.Section("domein-rekenen");
        var response = await AnonymousPostAsync(Factory.CreatePortalClient(), url, new Dictionary<string, string>
        {
            ["Input.Version"] = "0",
            ["Input.Items[0].Key"] = "d:rekenen:expertise",
            ["Input.Items[0].Level"] = "3",
            ["Input.Items[0].Text"] = "Onze rekenspecialist",
            ["Input.Items[0].Payload"] = "geen veld van de sectie",
            ["Input.Items[1].Key"] = "d:taal-lezen:expertise",
            ["Input.Items[1].Text"] = "een andere sectie",
            ["Opvulling"] = new string('x', 10_000),
        });

        Assert.Contains("herstel%3D", response.Location());
        var json = await Factory.WithDbAsync(db => db.RescuedForms.Select(r => r.ValuesJson).SingleAsync());
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(json)!;
        Assert.Equal(
            ["Input.Items[0].Key", "Input.Items[0].Level", "Input.Items[0].Text", "Input.Version"],
            values.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(school.Id, await Factory.WithDbAsync(db => db.RescuedForms.Select(r => r.SchoolId).SingleAsync()));
    }

    [Fact]
    public async Task AnonymousPost_LargerThan256kB_IsNotStored()
    {
        await ClearAsync();
        await ResetLimitAsync();
        var school = await Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).WithStaff());
        var response = await AnonymousPostAsync(Factory.CreatePortalClient(), school.Section("domein-rekenen"), new Dictionary<string, string>
        {
            ["Input.Version"] = "0",
            ["Input.Items[0].Key"] = "d:rekenen:expertise",
            ["Input.Items[0].Text"] = new string('a', 300 * 1024),
        });

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task AnonymousPosts_AreLimitedPerAddress()
    {
        await ClearAsync();
        await ResetLimitAsync();
        var school = await Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).WithStaff());
        var fields = new Dictionary<string, string> { ["Input.Version"] = "0", ["Input.Items[0].Key"] = "d:rekenen:expertise", ["Input.Items[0].Text"] = "x" };
        for (var i = 0; i < 5; i++) await AnonymousPostAsync(Factory.CreatePortalClient(), school.Section("domein-rekenen"), fields);
        Assert.Equal(3, await StoredAsync());
    }

    [Fact]
    public async Task RescuedForm_IsHandedBackOnlyToAUserOfThatSchool()
    {
        await ClearAsync();
        await ResetLimitAsync();
        var school = await Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).WithStaff());
        var url = school.Section("domein-rekenen");
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var (version, index, _) = await ReadSectionAsync(ib, url);

        // A browser without a login posts; a consultant (who may read the school, not edit it) logs in with that browser.
        var browser = Factory.CreatePortalClient();
        var post = await AnonymousPostAsync(browser, url,
            Fields(version, index, new Dictionary<string, ItemValues> { ["d:rekenen:expertise"] = new(Level: 2, Text: "Alleen voor de school") }));
        var returnUrl = Uri.UnescapeDataString(post.Location()!.Split("returnUrl=")[1]);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.LoginAsync(World.Consultant)).StatusCode);
        var page = await browser.GetHtmlAsync(returnUrl);
        Assert.Null(page.QuerySelector("[data-testid='notice']"));
        Assert.DoesNotContain("Alleen voor de school", page.DocumentElement.OuterHtml);
        Assert.Equal(1, await StoredAsync());
    }
}
