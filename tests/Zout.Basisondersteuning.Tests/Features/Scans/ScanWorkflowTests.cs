using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;
using static Zout.Basisondersteuning.Tests.Features.Scans.ScanForms;

namespace Zout.Basisondersteuning.Tests.Features.Scans;

[Collection(Portals.Scans)]
public sealed class ScanWorkflowTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    /// <summary>A school of its own per test, in board A, with an IB-er and a directeur.</summary>
    private Task<TestSchool> NewSchoolAsync() => Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).WithStaff());

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, Dictionary<string, string>? fields = null) =>
        client.PostFormAsync(page, action, fields ?? []);

    private async Task<int> ScanVersionAsync(TestSchool school) =>
        await Factory.WithDbAsync(db => db.Scans.Where(s => s.SchoolId == school.Id).Select(s => s.Version).SingleAsync());

    [Fact]
    public async Task Submit_Incomplete_IsRefusedWithWhatIsMissing()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        await SaveOkAsync(client, school.Section("domein-taal-lezen"), CompleteTaal);
        await PostAsync(client, school.Scan(), school.Scan() + "/indienen", new() { ["version"] = (await ScanVersionAsync(school)).ToString(CultureInfo.InvariantCulture) });
        var overview = await client.GetHtmlAsync(school.Scan());
        Assert.Contains("nog niet compleet", overview.QuerySelector("[data-testid='flash']")?.TextContent);
        Assert.Contains("Rekenen", overview.QuerySelector("[data-testid='flash']")?.TextContent);
        Assert.Equal("Concept", overview.QuerySelector("[data-testid='scan-status']")?.TextContent);
    }

    [Fact]
    public async Task Workflow_Submit_Adopt_Reopen_WithWhoMayDoWhat()
    {
        var school = await NewSchoolAsync();
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        await CompleteAllSectionsAsync(ib, school);

        // A board user of the school may read but not submit.
        var board = await Factory.LoggedInClientAsync(World.BoardAUser);
        var readOnly = await board.GetHtmlAsync(school.Section("domein-rekenen"));
        Assert.NotNull(readOnly.QuerySelector("[data-testid='section-form'] fieldset[disabled]"));
        Assert.Null(readOnly.QuerySelector("[data-testid='save-section']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(board, school.Scan(), school.Scan() + "/indienen", new() { ["version"] = "0" })).StatusCode);

        await PostAsync(ib, school.Scan(), school.Scan() + "/indienen", new() { ["version"] = (await ScanVersionAsync(school)).ToString(CultureInfo.InvariantCulture) });
        var submitted = await ib.GetHtmlAsync(school.Scan());
        Assert.Equal("Ingediend", submitted.QuerySelector("[data-testid='scan-status']")?.TextContent);
        Assert.Null(submitted.QuerySelector("[data-testid='adopt-link']"));

        // Submitted: the form is read-only, also for the school.
        var section = await ib.GetHtmlAsync(school.Section("domein-rekenen"));
        Assert.NotNull(section.QuerySelector("[data-testid='read-only']"));
        Assert.NotNull(section.QuerySelector("[data-testid='section-form'] fieldset[disabled]"));

        // Only the directeur adopts.
        Assert.Equal(HttpStatusCode.Forbidden, (await ib.GetAsync(school.Scan() + "/vaststellen")).StatusCode);
        var director = await Factory.LoggedInClientAsync(school.Director);
        Assert.NotNull((await director.GetHtmlAsync(school.Scan())).QuerySelector("[data-testid='adopt-link']"));
        var version = (await ScanVersionAsync(school)).ToString(CultureInfo.InvariantCulture);
        var invalid = await PostAsync(director, school.Scan() + "/vaststellen", school.Scan() + "/vaststellen", new()
        {
            ["Input.Version"] = version,
            ["Input.AdoptionDate"] = "2026-11-20",
            ["Input.MrAdviceDate"] = "2026-11-21",
        });
        var invalidPage = await invalid.HtmlAsync();
        Assert.Contains("vóór de vaststelling", invalidPage.QuerySelector("[data-testid='error-Input_MrAdviceDate']")?.TextContent);
        Assert.Contains("Kies de uitkomst", invalidPage.QuerySelector("[data-testid='error-Input_MrAdviceOutcome']")?.TextContent);
        Assert.Equal("2026-11-20", invalidPage.QuerySelector("#Input_AdoptionDate")?.GetAttribute("value"));

        var adopt = await PostAsync(director, school.Scan() + "/vaststellen", school.Scan() + "/vaststellen", new()
        {
            ["Input.Version"] = version,
            ["Input.AdoptionDate"] = "2026-11-22",
            ["Input.MrAdviceDate"] = "2026-11-15",
            ["Input.MrAdviceOutcome"] = "Positive",
        });
        Assert.Equal(HttpStatusCode.Redirect, adopt.StatusCode);
        var scan = await Factory.WithDbAsync(db => db.Scans.AsNoTracking().SingleAsync(s => s.SchoolId == school.Id));
        Assert.Equal(ScanStatus.Adopted, scan.Status);
        Assert.Equal(new DateOnly(2026, 11, 22), scan.AdoptionDate);
        Assert.Equal(new DateOnly(2026, 11, 15), scan.MrAdviceDate);
        Assert.Equal(MrAdviceOutcome.Positive, scan.MrAdviceOutcome);
        // The adoption is in the admin's audit log (issue 6).
        Assert.True(await Factory.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == Zout.Basisondersteuning.Web.Domain.Administration.AuditActions.Adoption && e.Subject == school.Code)));
        Assert.Equal(director, director); // the directeur's session stays valid

        // Reopening needs a reason; the IB-er may not reopen.
        Assert.Equal(HttpStatusCode.Forbidden, (await ib.GetAsync(school.Scan() + "/heropenen")).StatusCode);
        var noReason = await PostAsync(director, school.Scan() + "/heropenen", school.Scan() + "/heropenen", new() { ["Input.Version"] = scan.Version.ToString(CultureInfo.InvariantCulture), ["Input.Reason"] = "" });
        Assert.Contains("Geef aan waarom", (await noReason.HtmlAsync()).QuerySelector("[data-testid='error-Input_Reason']")?.TextContent);
        var reopen = await PostAsync(director, school.Scan() + "/heropenen", school.Scan() + "/heropenen", new() { ["Input.Version"] = scan.Version.ToString(CultureInfo.InvariantCulture), ["Input.Reason"] = "Nieuwe dyslexiespecialist" });
        Assert.Equal(HttpStatusCode.Redirect, reopen.StatusCode);

        var transitions = await Factory.WithDbAsync(db => db.ScanTransitions.Where(t => t.ScanId == scan.Id).OrderBy(t => t.Id).ToListAsync());
        Assert.Equal([ScanStatus.Submitted, ScanStatus.Adopted, ScanStatus.Concept], transitions.Select(t => t.To));
        Assert.Equal([school.Ib, school.Director, school.Director], transitions.Select(t => t.By));
        Assert.Equal("Nieuwe dyslexiespecialist", transitions[2].Reason);

        // The admin may reopen too.
        await PostAsync(ib, school.Scan(), school.Scan() + "/indienen", new() { ["version"] = (await ScanVersionAsync(school)).ToString(CultureInfo.InvariantCulture) });
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var adminReopen = await PostAsync(admin, school.Scan() + "/heropenen", school.Scan() + "/heropenen", new() { ["Input.Version"] = (await ScanVersionAsync(school)).ToString(CultureInfo.InvariantCulture), ["Input.Reason"] = "Op verzoek" });
        Assert.Equal(HttpStatusCode.Redirect, adminReopen.StatusCode);
        Assert.Equal(ScanStatus.Concept, await Factory.WithDbAsync(db => db.Scans.Where(s => s.SchoolId == school.Id).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Submit_WithStaleVersion_IsRefused()
    {
        var school = await NewSchoolAsync();
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        await CompleteAllSectionsAsync(ib, school);
        await PostAsync(ib, school.Scan(), school.Scan() + "/indienen", new() { ["version"] = "999" });
        Assert.Equal(ScanStatus.Concept, await Factory.WithDbAsync(db => db.Scans.Where(s => s.SchoolId == school.Id).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task TwoPeopleSaveTheSameSection_SecondGetsFieldByFieldChoice_NoSilentOverwrite()
    {
        var school = await NewSchoolAsync();
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var director = await Factory.LoggedInClientAsync(school.Director);
        var url = school.Section("domein-taal-lezen");
        var (version, index, _) = await ReadSectionAsync(director, url); // the directeur opens the form first

        await SaveOkAsync(ib, url, CompleteTaal);

        var token = await director.AntiforgeryTokenAsync(url);
        var fields = Fields(version, index, new Dictionary<string, ItemValues>
        {
            ["d:taal-lezen:expertise"] = new(Level: 4, Text: "Wij zijn sterk"),
            ["d:taal-lezen:aanbod"] = new(Level: 2, Target: 3, Text: "We kiezen dit jaar een nieuwe methode."),
        });
        fields["__RequestVerificationToken"] = token;
        var conflict = await director.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await conflict.HtmlAsync();
        var rows = page.QuerySelectorAll("[data-testid='conflict-field']");
        Assert.Equal(["d:taal-lezen:expertise|Level", "d:taal-lezen:expertise|Text"], rows.Select(r => $"{r.GetAttribute("data-key")}|{r.GetAttribute("data-field")}").Order());
        Assert.Contains("4.", rows.First(r => r.GetAttribute("data-field") == "Level").QuerySelector("[data-testid='mine']")!.TextContent);
        Assert.Contains("3.", rows.First(r => r.GetAttribute("data-field") == "Level").QuerySelector("[data-testid='stored']")!.TextContent);

        // Nothing was overwritten.
        var stored = await Factory.WithDbAsync(db => db.ScanAnswers.SingleAsync(a => a.Scan.SchoolId == school.Id && a.ItemKey == "d:taal-lezen:expertise"));
        Assert.Equal(3, stored.Level);

        // The directeur keeps their level but takes the stored explanation.
        var form = (IHtmlFormElement)page.QuerySelector("[data-testid='conflict-form']")!;
        var resolved = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input").Cast<IHtmlInputElement>())
        {
            if (input.Type == "radio")
            {
                var row = input.Closest("[data-testid='conflict-field']")!;
                var wanted = row.GetAttribute("data-field") == "Level" ? "mine" : "stored";
                if (input.Id!.EndsWith(wanted, StringComparison.Ordinal)) resolved[input.Name!] = input.Value;
                continue;
            }

            resolved[input.Name!] = input.Value;
        }

        var save = await director.PostAsync(url, new FormUrlEncodedContent(resolved));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var after = await Factory.WithDbAsync(db => db.ScanAnswers.Where(a => a.Scan.SchoolId == school.Id).ToDictionaryAsync(a => a.ItemKey));
        Assert.Equal(4, after["d:taal-lezen:expertise"].Level);
        Assert.Equal("Twee leerkrachten zijn opgeleid.", after["d:taal-lezen:expertise"].Text);
        Assert.Equal(3, after["d:taal-lezen:aanbod"].TargetLevel);
    }

    [Fact]
    public async Task AuditTrail_RecordsWhoChangedWhatWhen_VisibleToSchoolBoardAndPartnership()
    {
        var school = await NewSchoolAsync();
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        await SaveOkAsync(ib, school.Section("domein-rekenen"), new Dictionary<string, ItemValues> { ["d:rekenen:expertise"] = new(Level: 3) });
        Factory.Time.Advance(TimeSpan.FromMinutes(5));
        var director = await Factory.LoggedInClientAsync(school.Director);
        await SaveOkAsync(director, school.Section("domein-rekenen"), new Dictionary<string, ItemValues> { ["d:rekenen:expertise"] = new(Level: 2, Text: "Te weinig tijd") });

        foreach (var reader in new[] { school.Ib, World.BoardAUser, World.Consultant, World.Admin })
        {
            var client = await Factory.LoggedInClientAsync(reader);
            var history = await client.GetHtmlAsync(school.Scan() + "/historie");
            var entries = history.QuerySelectorAll("[data-testid='audit-entry']");
            Assert.Contains(entries, e => e.TextContent.Contains(school.Director, StringComparison.Ordinal)
                                          && e.TextContent.Contains("Rekenen – Expertise: niveau", StringComparison.Ordinal)
                                          && e.QuerySelector("[data-testid='old']")!.TextContent == "3"
                                          && e.QuerySelector("[data-testid='new']")!.TextContent == "2");
            Assert.Contains(entries, e => e.TextContent.Contains(school.Ib, StringComparison.Ordinal)
                                          && e.QuerySelector("[data-testid='old']")!.TextContent == "-"
                                          && e.QuerySelector("[data-testid='new']")!.TextContent == "3");
        }

        var other = await Factory.LoggedInClientAsync(World.SchoolB1User);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(school.Scan() + "/historie")).StatusCode);
    }

    [Fact]
    public async Task OtherSchoolsScan_IsForbidden_ToReadAndToChange()
    {
        var school = await NewSchoolAsync();
        var otherSchool = await Factory.LoggedInClientAsync(World.SchoolB1User);
        var otherBoard = await Factory.LoggedInClientAsync(World.SouthConsultant); // region-limited consultant, not this school
        foreach (var client in new[] { otherSchool, otherBoard })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(school.Scan())).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(school.Section("domein-rekenen"))).StatusCode);
        }

        var ownToken = await otherSchool.AntiforgeryTokenAsync("/account/wachtwoord-wijzigen");
        var post = await otherSchool.PostAsync(school.Section("domein-rekenen"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ownToken,
            ["Input.Version"] = "1",
            ["Input.Items[0].Key"] = "d:rekenen:expertise",
            ["Input.Items[0].Level"] = "4",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ScanAnswers.CountAsync(a => a.Scan.SchoolId == school.Id)));
    }

    [Fact]
    public async Task OutsideTheWindow_FormIsReadOnly_UntilTheAdminOpensItForOneSchool()
    {
        var school = await NewSchoolAsync();
        await Data.CreateYearAsync(2024, y => y.ScanWindow(new DateOnly(2025, 5, 1), new DateOnly(2025, 6, 30)));
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var scan = $"/school/{school.Code}/scan/2024-2025";
        var page = await ib.GetHtmlAsync($"{scan}/sectie/domein-rekenen");
        Assert.Contains("De scanperiode is gesloten", page.QuerySelector("[data-testid='read-only']")?.TextContent);
        Assert.NotNull(page.QuerySelector("fieldset[disabled]"));

        var token = await ib.AntiforgeryTokenAsync("/account/wachtwoord-wijzigen");
        var refused = await ib.PostAsync($"{scan}/sectie/domein-rekenen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Version"] = "1",
            ["Input.Items[0].Key"] = "d:rekenen:expertise",
            ["Input.Items[0].Level"] = "4",
        }));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ScanAnswers.CountAsync(a => a.Scan.SchoolId == school.Id)));

        // Only the admin can open it for this one school.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(ib, scan, scan + "/openzetten", new() { ["EditableUntil"] = "2026-12-01" })).StatusCode);
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, scan, scan + "/openzetten", new() { ["EditableUntil"] = "2026-12-01" })).StatusCode);

        await SaveOkAsync(ib, $"{scan}/sectie/domein-rekenen", new Dictionary<string, ItemValues> { ["d:rekenen:expertise"] = new(Level: 4) });
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ScanAnswers.CountAsync(a => a.Scan.SchoolId == school.Id)));
    }

    [Fact]
    public async Task Draft_SavedWhileTyping_IsOfferedBack_AndRemovedBySaving()
    {
        var school = await NewSchoolAsync();
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var url = school.Section("domein-rekenen");
        var (version, index, page) = await ReadSectionAsync(ib, url);
        var fields = Fields(version, index, new Dictionary<string, ItemValues> { ["d:rekenen:expertise"] = new(Level: 2, Text: "Half getypt") });
        fields["__RequestVerificationToken"] = ((IHtmlInputElement)page.QuerySelector("[data-testid='section-form'] input[name='__RequestVerificationToken']")!).Value;
        Assert.Equal(HttpStatusCode.NoContent, (await ib.PostAsync(url + "/concept", new FormUrlEncodedContent(fields))).StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ScanAnswers.CountAsync(a => a.Scan.SchoolId == school.Id)));

        var (_, _, withDraft) = await ReadSectionAsync(ib, url);
        Assert.Contains("niet-opgeslagen wijzigingen", withDraft.QuerySelector("[data-testid='notice']")?.TextContent);
        Assert.Contains("Half getypt", withDraft.QuerySelector($"#Input_Items_{index["d:rekenen:expertise"]}__Text")?.TextContent);

        // Another user of the school does not see it.
        var director = await Factory.LoggedInClientAsync(school.Director);
        Assert.Null((await director.GetHtmlAsync(url)).QuerySelector("[data-testid='notice']"));

        await SaveOkAsync(ib, url, new Dictionary<string, ItemValues> { ["d:rekenen:expertise"] = new(Level: 2, Text: "Helemaal getypt") });
        Assert.Null((await ib.GetHtmlAsync(url)).QuerySelector("[data-testid='notice']"));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ScanDrafts.CountAsync(d => db.Scans.Any(s => s.Id == d.ScanId && s.SchoolId == school.Id))));
    }

    [Fact]
    public async Task ExpiredLogin_WhatWasTypedIsKept_AndShownAgainAfterLoggingIn()
    {
        var school = await NewSchoolAsync();
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var url = school.Section("domein-rekenen");
        var (version, index, page) = await ReadSectionAsync(ib, url);
        var token = ((IHtmlInputElement)page.QuerySelector("[data-testid='section-form'] input[name='__RequestVerificationToken']")!).Value;

        // The login expires: the browser has no auth cookie any more, and posts the form.
        var browser = Factory.CreatePortalClient();
        var fields = Fields(version, index, new Dictionary<string, ItemValues> { ["d:rekenen:expertise"] = new(Level: 2, Text: "Een lange toelichting die niet verloren mag gaan") });
        fields["__RequestVerificationToken"] = token;
        var post = await browser.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var login = post.Location()!;
        Assert.StartsWith("/account/inloggen?returnUrl=", login);
        var returnUrl = Uri.UnescapeDataString(login.Split("returnUrl=")[1]);
        Assert.StartsWith(url + "?herstel=", returnUrl);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ScanAnswers.CountAsync(a => a.Scan.SchoolId == school.Id)));

        var afterLogin = await browser.PostFormAsync(login, "/account/inloggen", new Dictionary<string, string>
        {
            ["Email"] = school.Ib,
            ["Password"] = PortalFactory.TestPassword,
            ["ReturnUrl"] = returnUrl,
        });
        Assert.Equal(returnUrl, afterLogin.Location());
        var restored = await browser.GetHtmlAsync(returnUrl);
        Assert.Contains("Uw sessie was verlopen", restored.QuerySelector("[data-testid='notice']")?.TextContent);
        Assert.Contains("Een lange toelichting die niet verloren mag gaan", restored.QuerySelector($"#Input_Items_{index["d:rekenen:expertise"]}__Text")?.TextContent);
        Assert.NotNull(restored.QuerySelector($"#Input_Items_{index["d:rekenen:expertise"]}__Level_2[checked]"));

        // Another browser cannot take it.
        var stranger = await Factory.LoggedInClientAsync(school.Director);
        Assert.Null((await stranger.GetHtmlAsync(returnUrl)).QuerySelector("[data-testid='notice']"));

        // A refresh still shows it: it became this user's draft.
        Assert.Contains("Een lange toelichting", (await browser.GetHtmlAsync(url)).QuerySelector($"#Input_Items_{index["d:rekenen:expertise"]}__Text")?.TextContent);
    }
}
