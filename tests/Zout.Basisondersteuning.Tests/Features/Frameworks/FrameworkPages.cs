using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Tests.Features.Frameworks;

/// <summary>The framework pages as an admin uses them (a list editor's form, the JSON import and export), and the framework as stored.</summary>
public static class FrameworkPages
{
    public static string Year(int startYear) => $"{startYear}-{startYear + 1}";

    public static Task<HttpResponseMessage> SubmitListAsync(this HttpClient client, IHtmlDocument page, Action<Dictionary<string, string>> change) =>
        client.SubmitAsync(page, "form[data-testid='list-form']", change);

    /// <summary>Uploads a file on the import page of a year, with the page's antiforgery token.</summary>
    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string yearName, string json) =>
        client.UploadAsync($"/beheer/schooljaren/{yearName}/kader/importeren", $"/beheer/schooljaren/{yearName}/kader/importeren",
            "File", $"kader-{yearName}.json", "application/json", System.Text.Encoding.UTF8.GetBytes(json));

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

    public static IReadOnlyList<string> Errors(this IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid='error-summary'] li").Select(li => li.TextContent.Trim()).ToList();
}
