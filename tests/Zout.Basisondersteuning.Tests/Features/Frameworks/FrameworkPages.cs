using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Tests.Features.Frameworks;

/// <summary>What the framework tests do the way a browser does: submit a form as it is on the page, upload a file.</summary>
public static class FrameworkPages
{
    public static string Year(int startYear) => $"{startYear}-{startYear + 1}";

    /// <summary>The fields a browser would send for a form: inputs, checked checkboxes, textareas, selects.</summary>
    public static Dictionary<string, string> FormValues(IElement form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked) values[box.Name!] = box.Value;
                    break;
                case IHtmlInputElement { Type: "submit" or "button" or "file" }:
                    break;
                case IHtmlInputElement input:
                    values[input.Name!] = input.Value;
                    break;
                case IHtmlTextAreaElement area:
                    values[area.Name!] = area.Value;
                    break;
                case IHtmlSelectElement select:
                    values[select.Name!] = select.Value ?? "";
                    break;
            }
        }

        return values;
    }

    /// <summary>Submits the form of a page (the one matching <paramref name="selector"/>) after <paramref name="change"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string selector, Action<Dictionary<string, string>> change)
    {
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {selector} on the page.");
        var values = FormValues(form);
        change(values);
        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
    }

    public static Task<HttpResponseMessage> SubmitListAsync(this HttpClient client, IHtmlDocument page, Action<Dictionary<string, string>> change) =>
        client.SubmitAsync(page, "form[data-testid='list-form']", change);

    /// <summary>Uploads a file on the import page of a year, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> ImportAsync(this HttpClient client, string yearName, string json)
    {
        var token = await client.AntiforgeryTokenAsync($"/beheer/schooljaren/{yearName}/kader/importeren");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "File", $"kader-{yearName}.json");
        return await client.PostAsync($"/beheer/schooljaren/{yearName}/kader/importeren", content);
    }

    public static async Task<string> ExportAsync(this HttpClient client, string yearName)
    {
        var response = await client.GetAsync($"/beheer/schooljaren/{yearName}/kader.json");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The framework as stored, straight from the database.</summary>
    public static Task<(string Json, int Version)> StoredAsync(this PortalFactory factory, int startYear) =>
        factory.WithDbAsync(async db =>
        {
            var row = await db.ScanFrameworks.AsNoTracking().SingleAsync(f => f.SchoolYear.StartYear == startYear);
            return (row.DefinitionJson, row.Version);
        });

    public static async Task<FrameworkDefinition> StoredDefinitionAsync(this PortalFactory factory, int startYear) =>
        FrameworkDefinition.FromJson((await factory.StoredAsync(startYear)).Json);

    /// <summary>A year whose framework can still be edited on the test date (2026-11-23): the scan opens next spring.</summary>
    public static Task SeedEditableYearAsync(this PortalFactory factory, int startYear, FrameworkDefinition? framework = null) =>
        TestFrameworks.SeedYearAsync(factory.Services, startYear, framework ?? TestFrameworks.Small(), new DateOnly(2027, 5, 1), new DateOnly(2027, 6, 30));

    /// <summary>A year whose scan window is open on the test date, so its framework is fixed.</summary>
    public static Task SeedOpenYearAsync(this PortalFactory factory, int startYear, FrameworkDefinition? framework = null) =>
        TestFrameworks.SeedYearAsync(factory.Services, startYear, framework ?? TestFrameworks.Small(), new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31));

    public static string? InputValue(this IHtmlDocument page, string selector) => (page.QuerySelector(selector) as IHtmlInputElement)?.Value;

    public static IReadOnlyList<string> Errors(this IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid='error-summary'] li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>A file of the repository (docs, examples), found by walking up from the test binaries.</summary>
    public static string RepositoryFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}");
    }
}
