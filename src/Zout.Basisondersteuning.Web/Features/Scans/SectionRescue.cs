using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Forms;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>
/// What of an anonymous post to a scan section is worth keeping (see <see cref="RescueFormOnExpiredSessionAttribute{TForm}"/>):
/// only for an existing school, school year and section, and only that section's own fields (the version, and per item of
/// the section its key and answer fields). Anything else in the post is dropped.
/// </summary>
public sealed partial class SectionRescue(AppDbContext db, FrameworkStore frameworks) : IRescuableForm
{
    private static readonly HashSet<string> ItemFields = [nameof(ItemInput.Key), nameof(ItemInput.Level), nameof(ItemInput.TargetLevel),
        nameof(ItemInput.Text), nameof(ItemInput.Number), nameof(ItemInput.Checked)];

    public async Task<(int SchoolId, IReadOnlyDictionary<string, string> Values)?> SelectAsync(HttpContext http, IFormCollection form)
    {
        var route = http.GetRouteData().Values;
        if (route["code"] is not string code || route["jaar"] is not string year || route["sectie"] is not string slug) return null;
        var locationCode = School.NormalizeLocationCode(code);
        var schoolId = await db.Schools.AsNoTracking().Where(s => s.LocationCode == locationCode && s.IsActive).Select(s => (int?)s.Id)
            .SingleOrDefaultAsync(http.RequestAborted);
        if (schoolId is null) return null;
        var framework = await frameworks.ForYearAsync(year, http.RequestAborted);
        if (framework is null || ScanLayout.FindBySlug(framework.Definition, slug) is not { } section) return null;

        var keys = ScanLayout.ItemKeys(framework.Definition, section).ToHashSet(StringComparer.Ordinal);
        var indexesOfSection = form
            .Select(f => (Match: ItemField().Match(f.Key), f.Value))
            .Where(f => f.Match.Success && f.Match.Groups[2].Value == nameof(ItemInput.Key) && keys.Contains(f.Value.ToString()))
            .Select(f => f.Match.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in form)
        {
            if (name == "Input.Version" && int.TryParse(value, CultureInfo.InvariantCulture, out _))
            {
                values[name] = value.ToString();
                continue;
            }

            var match = ItemField().Match(name);
            if (match.Success && indexesOfSection.Contains(match.Groups[1].Value) && ItemFields.Contains(match.Groups[2].Value))
            {
                values[name] = value.ToString();
            }
        }

        return (schoolId.Value, values);
    }

    [GeneratedRegex(@"^Input\.Items\[(\d{1,4})\]\.(\w+)$")]
    private static partial Regex ItemField();
}
