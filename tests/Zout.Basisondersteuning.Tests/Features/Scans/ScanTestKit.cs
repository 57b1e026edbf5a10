using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Tests.Features.Scans;

public sealed record TestSchool(int Id, string Code, string Ib, string Director)
{
    public string Scan(string year = ScanTestKit.CurrentYear) => $"/school/{Code}/scan/{year}";
    public string Section(string slug, string year = ScanTestKit.CurrentYear) => $"{Scan(year)}/sectie/{slug}";
}

public sealed record ItemValues(int? Level = null, int? Target = null, string? Text = null, string? Number = null, bool? Checked = null);

/// <summary>Schools of their own per test, and posting a section form the way a browser does.</summary>
public static class ScanTestKit
{
    public const string CurrentYear = "2026-2027";
    public const string LastYear = "2025-2026";
    private static int _counter;

    /// <summary>The current year with its scan window open (the fake clock stands on 23 November 2026) and last year closed.</summary>
    public static async Task SeedYearsAsync(PortalFactory factory)
    {
        _ = factory.World;
        await TestFrameworks.SeedYearAsync(factory.Services, 2025, TestFrameworks.Small(), new DateOnly(2025, 11, 1), new DateOnly(2025, 12, 31));
        await TestFrameworks.SeedYearAsync(factory.Services, 2026, TestFrameworks.Small(), new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31));
    }

    public static async Task<TestSchool> NewSchoolAsync(PortalFactory factory)
    {
        var n = Interlocked.Increment(ref _counter);
        var code = $"S{n:D3}00";
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var board = await db.Boards.SingleAsync(b => b.BoardNumber == "10001");
        var school = TestData.School(code, $"Testschool {n}", board);
        school.PupilCount = 200;
        db.Schools.Add(school);
        await db.SaveChangesAsync();
        var ib = $"ib-{n}@test.example";
        var director = $"directeur-{n}@test.example";
        await TestData.CreateUserAsync(users, ib, UserRole.SchoolUser, schoolId: school.Id);
        await TestData.CreateUserAsync(users, director, UserRole.SchoolUser, schoolId: school.Id, isDirector: true);
        return new TestSchool(school.Id, code, ib, director);
    }

    /// <summary>Reads the form of a section page: its version and the index of every answer key.</summary>
    public static async Task<(int Version, Dictionary<string, int> Index, IHtmlDocument Page)> ReadSectionAsync(HttpClient client, string url)
    {
        var page = await client.GetHtmlAsync(url);
        var form = page.QuerySelector("[data-testid='section-form']")!;
        var version = int.Parse(((IHtmlInputElement)form.QuerySelector("input[name='Input.Version']")!).Value);
        var index = form.QuerySelectorAll("input[type='hidden'][name$='.Key']")
            .Cast<IHtmlInputElement>()
            .ToDictionary(i => i.Value, i => int.Parse(i.Name!.Split('[', ']')[1]));
        return (version, index, page);
    }

    public static Dictionary<string, string> Fields(int version, Dictionary<string, int> index, IDictionary<string, ItemValues> values)
    {
        var fields = new Dictionary<string, string> { ["Input.Version"] = version.ToString() };
        foreach (var (key, i) in index)
        {
            fields[$"Input.Items[{i}].Key"] = key;
            if (!values.TryGetValue(key, out var v)) continue;
            if (v.Level is { } level) fields[$"Input.Items[{i}].Level"] = level.ToString();
            if (v.Target is { } target) fields[$"Input.Items[{i}].TargetLevel"] = target.ToString();
            if (v.Text is { } text) fields[$"Input.Items[{i}].Text"] = text;
            if (v.Number is { } number) fields[$"Input.Items[{i}].Number"] = number;
            if (v.Checked is { } isChecked) fields[$"Input.Items[{i}].Checked"] = isChecked ? "true" : "false";
        }

        return fields;
    }

    public static async Task<HttpResponseMessage> SaveSectionAsync(HttpClient client, string url, IDictionary<string, ItemValues> values, int? version = null)
    {
        var (current, index, page) = await ReadSectionAsync(client, url);
        var token = ((IHtmlInputElement)page.QuerySelector("[data-testid='section-form'] input[name='__RequestVerificationToken']")!).Value;
        var fields = Fields(version ?? current, index, values);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static async Task SaveOkAsync(HttpClient client, string url, IDictionary<string, ItemValues> values)
    {
        var response = await SaveSectionAsync(client, url, values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Saving {url} gave {(int)response.StatusCode}: {await ErrorsAsync(response)}");
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        (await response.HtmlAsync()).QuerySelector("[data-testid='error-summary']")?.TextContent ?? "";

    public static readonly Dictionary<string, ItemValues> CompleteTaal = new()
    {
        ["d:taal-lezen:expertise"] = new(Level: 3, Text: "Twee leerkrachten zijn opgeleid."),
        ["d:taal-lezen:aanbod"] = new(Level: 2, Target: 3, Text: "We kiezen dit jaar een nieuwe methode."),
    };

    /// <summary>Fills in every section of the small framework, so the scan can be submitted.</summary>
    public static async Task CompleteAllSectionsAsync(HttpClient client, TestSchool school)
    {
        await SaveOkAsync(client, school.Section("domein-taal-lezen"), CompleteTaal);
        await SaveOkAsync(client, school.Section("domein-rekenen"), new Dictionary<string, ItemValues>
        {
            ["d:rekenen:expertise"] = new(Level: 4, Text: "Rekenspecialist."),
            ["d:rekenen:aanbod"] = new(Level: 3),
        });
        await SaveOkAsync(client, school.Section("verandercapaciteit"), new Dictionary<string, ItemValues>
        {
            ["cc:visie"] = new(Level: 3),
            ["cc:leiderschap"] = new(Level: 4),
        });
        await SaveOkAsync(client, school.Section("afspraken"), new Dictionary<string, ItemValues>
        {
            ["a:1"] = new(Level: 2),
            ["a:2"] = new(Level: 4),
        });
        await SaveOkAsync(client, school.Section("aanbod"), new Dictionary<string, ItemValues>
        {
            ["o:dyslexiespecialist"] = new(Checked: true, Number: "2"),
            ["o:lift"] = new(Checked: true),
        });
        await SaveOkAsync(client, school.Section("open-vragen"), new Dictionary<string, ItemValues>
        {
            ["q:visie"] = new(Text: "Elk kind hoort erbij."),
            ["q:grenzen"] = new(Text: "Geen intensieve medische zorg."),
        });
        await SaveOkAsync(client, school.Section("financien"), new Dictionary<string, ItemValues>
        {
            ["f:ib"] = new(Number: "12.000"),
            ["f:scholing"] = new(Number: "3500,50"),
            ["f:evaluation"] = new(Text: "Meer leerlingen bleven op school."),
        });
        await SaveOkAsync(client, school.Section("kengetallen"), new Dictionary<string, ItemValues> { ["k:arrangementen"] = new(Number: "3") });
    }

    /// <summary>An adopted scan of last year, stored directly, to carry over from.</summary>
    public static async Task<int> SeedAdoptedLastYearAsync(PortalFactory factory, TestSchool school, params (string Key, int? Level, string? Text, bool Checked)[] answers)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var year = await db.SchoolYears.SingleAsync(y => y.StartYear == 2025);
        var scan = new Scan
        {
            SchoolId = school.Id,
            SchoolYearId = year.Id,
            Status = ScanStatus.Adopted,
            AdoptionDate = new DateOnly(2026, 6, 20),
            Answers = answers.Select(a => new ScanAnswer { ItemKey = a.Key, Level = a.Level, Text = a.Text, Checked = a.Checked, Origin = AnswerOrigin.New }).ToList(),
        };
        db.Scans.Add(scan);
        await db.SaveChangesAsync();
        return scan.Id;
    }
}
