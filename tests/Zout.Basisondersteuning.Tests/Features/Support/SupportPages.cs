using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Support;

/// <summary>The admin's forms for the partnership's extra support, posted the way a browser does (checkboxes may repeat a name).</summary>
internal static class SupportPages
{
    public static string YearPage(string year) => $"/beheer/ondersteuning/{year}";

    public static string NewArrangement(string year) => $"{YearPage(year)}/arrangementen/nieuw";

    /// <summary>Posts the arrangement form (new, or <paramref name="id"/>) with these fields, the page's token added.</summary>
    public static async Task<HttpResponseMessage> PostArrangementAsync(this HttpClient admin, string year, IEnumerable<KeyValuePair<string, string>> fields, int? id = null)
    {
        var url = id is null ? NewArrangement(year) : $"{YearPage(year)}/arrangementen/{id.Value.ToString(CultureInfo.InvariantCulture)}";
        var token = await admin.AntiforgeryTokenAsync(url);
        return await admin.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>
    /// Submits a form as a browser does, every checked checkbox of a name included (the shared helper keeps one value per
    /// name), with the named fields replaced.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitAllAsync(this HttpClient client, IParentNode page, string selector, IDictionary<string, string> changes)
    {
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {selector} on the page.");
        var single = form.FormFields();
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var box in form.QuerySelectorAll("input[type='checkbox'][name]").OfType<IHtmlInputElement>().Where(b => b.IsChecked && !changes.ContainsKey(b.Name!)))
        {
            fields.Add(new(box.Name!, box.Value));
            single.Remove(box.Name!);
        }

        foreach (var (name, value) in changes) single[name] = value;
        fields.AddRange(single);
        return client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    /// <summary>A complete arrangement as the form sends it; regions and durations repeat their field name.</summary>
    public static List<KeyValuePair<string, string>> Arrangement(string name, string form = "Group", string relation = "Replacing", string status = "Available",
        IEnumerable<string>? durations = null, IEnumerable<int>? regionIds = null, int? hostSchoolId = null, string? places = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", name),
            new("Input.Description", $"Omschrijving van {name}."),
            new("Input.TargetGroup", "Leerlingen van groep 3 tot en met 8."),
            new("Input.Form", form),
            new("Input.Relation", relation),
            new("Input.Status", status),
            new("Input.Location", "Gymzaal De Brink"),
            new("Input.Places", places ?? ""),
            new("Input.HowToApply", "Via de intern begeleider."),
            new("Input.Contact", "Team Passend Onderwijs, 030 000 00 00"),
            new("Input.HostSchoolId", hostSchoolId?.ToString(CultureInfo.InvariantCulture) ?? ""),
            new("Input.SortOrder", "1"),
            new("Input.Version", "0"),
        };
        fields.AddRange((durations ?? []).Select(d => new KeyValuePair<string, string>("Input.Durations", d)));
        fields.AddRange((regionIds ?? []).Select(r => new KeyValuePair<string, string>("Input.RegionIds", r.ToString(CultureInfo.InvariantCulture))));
        return fields;
    }
}
