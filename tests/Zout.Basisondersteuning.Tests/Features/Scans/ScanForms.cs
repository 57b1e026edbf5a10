using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Scans;

public sealed record ItemValues(int? Level = null, int? Target = null, string? Text = null, string? Number = null, bool? Checked = null);

/// <summary>The scan as its users fill it in: posting a section form the way a browser does, submitting, adopting.</summary>
public static class ScanForms
{
    /// <summary>Reads the form of a section page: its version and the index of every answer key.</summary>
    public static async Task<(int Version, Dictionary<string, int> Index, IHtmlDocument Page)> ReadSectionAsync(HttpClient client, string url)
    {
        var page = await client.GetHtmlAsync(url);
        var form = page.QuerySelector("[data-testid='section-form']")!;
        var version = int.Parse(((IHtmlInputElement)form.QuerySelector("input[name='Input.Version']")!).Value, CultureInfo.InvariantCulture);
        var index = form.QuerySelectorAll("input[type='hidden'][name$='.Key']")
            .Cast<IHtmlInputElement>()
            .ToDictionary(i => i.Value, i => int.Parse(i.Name!.Split('[', ']')[1], CultureInfo.InvariantCulture));
        return (version, index, page);
    }

    public static Dictionary<string, string> Fields(int version, Dictionary<string, int> index, IDictionary<string, ItemValues> values)
    {
        var fields = new Dictionary<string, string> { ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture) };
        foreach (var (key, i) in index)
        {
            fields[$"Input.Items[{i}].Key"] = key;
            if (!values.TryGetValue(key, out var v)) continue;
            if (v.Level is { } level) fields[$"Input.Items[{i}].Level"] = level.ToString(CultureInfo.InvariantCulture);
            if (v.Target is { } target) fields[$"Input.Items[{i}].TargetLevel"] = target.ToString(CultureInfo.InvariantCulture);
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

    public static async Task SubmitAsync(PortalFactory factory, HttpClient ib, TestSchool school)
    {
        var version = await ScanVersionAsync(factory, school);
        var response = await ib.PostFormAsync(school.Scan(), school.Scan() + "/indienen", new Dictionary<string, string> { ["version"] = version.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task<HttpResponseMessage> AdoptAsync(PortalFactory factory, HttpClient director, TestSchool school)
    {
        var version = await ScanVersionAsync(factory, school);
        return await director.PostFormAsync(school.Scan() + "/vaststellen", school.Scan() + "/vaststellen", new Dictionary<string, string>
        {
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Input.AdoptionDate"] = "2026-11-22",
            ["Input.MrAdviceDate"] = "2026-11-15",
            ["Input.MrAdviceOutcome"] = "Positive",
        });
    }

    /// <summary>A new school of <paramref name="board"/>, with its staff, whose scan of this year its IB-er has filled in completely (still a concept).</summary>
    public static async Task<TestSchool> CompleteSchoolAsync(PortalFactory factory, Web.Domain.Board board)
    {
        var school = await factory.Data.CreateSchoolAsync(s => s.InBoard(board).WithStaff());
        await CompleteAllSectionsAsync(await factory.LoggedInClientAsync(school.Ib), school);
        return school;
    }

    /// <summary>As <see cref="CompleteSchoolAsync"/>, then submitted by the IB-er and adopted by the directeur (which publishes its SOP).</summary>
    public static async Task<TestSchool> AdoptedSchoolAsync(PortalFactory factory, Web.Domain.Board board)
    {
        var school = await CompleteSchoolAsync(factory, board);
        await SubmitAsync(factory, await factory.LoggedInClientAsync(school.Ib), school);
        Assert.Equal(HttpStatusCode.Redirect, (await AdoptAsync(factory, await factory.LoggedInClientAsync(school.Director), school)).StatusCode);
        return school;
    }

    private static Task<int> ScanVersionAsync(PortalFactory factory, TestSchool school) =>
        factory.WithDbAsync(db => db.Scans.Where(s => s.SchoolId == school.Id && s.SchoolYear.Name == TestData.ThisYear).Select(s => s.Version).SingleAsync());
}
