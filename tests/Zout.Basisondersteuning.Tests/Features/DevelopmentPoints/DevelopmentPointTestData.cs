using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Tests.Features.DevelopmentPoints;

/// <summary>School years, scan answers and points for the ontwikkelpunten tests, written straight to the database.</summary>
internal static class DevelopmentPointTestData
{
    public const string Year = "2026-2027";
    public const string ClosedYear = "2025-2026";

    /// <summary>2026-2027 with the small test framework (domains taal-lezen, rekenen; aspects expertise, aanbod; levels 1-4).</summary>
    public static Task<int> OpenYearAsync(PortalFactory factory) => YearAsync(factory, 2026, closed: false);

    public static Task<int> ClosedYearAsync(PortalFactory factory) => YearAsync(factory, 2025, closed: true);

    private static async Task<int> YearAsync(PortalFactory factory, int startYear, bool closed)
    {
        _ = factory.World;
        var existing = await factory.WithDbAsync(db => db.SchoolYears.Where(y => y.StartYear == startYear).Select(y => (int?)y.Id).SingleOrDefaultAsync());
        if (existing is { } id) return id;

        var year = await TestFrameworks.SeedYearAsync(factory.Services, startYear, TestFrameworks.Small(), opens: null, closes: null);
        if (closed)
        {
            await factory.WithDbAsync(db => db.SchoolYears.Where(y => y.Id == year.Id).ExecuteUpdateAsync(s => s.SetProperty(y => y.IsClosed, true)));
        }

        return year.Id;
    }

    /// <summary>Sets the level and target level of one cell in the school's scan of the year (creating the scan when needed).</summary>
    public static Task AnswerAsync(PortalFactory factory, int schoolId, int yearId, string domainKey, string aspectKey, int? level, int? targetLevel) =>
        factory.WithDbAsync(async db =>
        {
            var scan = await db.Scans.Include(s => s.Answers).SingleOrDefaultAsync(s => s.SchoolId == schoolId && s.SchoolYearId == yearId);
            if (scan is null)
            {
                scan = new Scan { SchoolId = schoolId, SchoolYearId = yearId, Status = ScanStatus.Concept };
                db.Scans.Add(scan);
            }

            var key = ItemKey.Cell(domainKey, aspectKey);
            var answer = scan.Answers.SingleOrDefault(a => a.ItemKey == key);
            if (answer is null)
            {
                answer = new ScanAnswer { ItemKey = key, Origin = AnswerOrigin.New };
                scan.Answers.Add(answer);
            }

            answer.Level = level;
            answer.TargetLevel = targetLevel;
            return await db.SaveChangesAsync();
        });

    public static Task<int> PointAsync(PortalFactory factory, int schoolId, int yearId, string title,
        string domainKey = "rekenen", string aspectKey = "expertise", int? current = 2, int? target = 3,
        string? owner = "Intern begeleider", DevelopmentPointStatus status = DevelopmentPointStatus.Planned) =>
        factory.WithDbAsync(async db =>
        {
            var point = new DevelopmentPoint
            {
                SchoolId = schoolId,
                SchoolYearId = yearId,
                DomainKey = domainKey,
                AspectKey = aspectKey,
                Title = title,
                CurrentLevel = current,
                TargetLevel = target,
                Actions = "Scholing rekenspecialist",
                Owner = owner,
                Deadline = new DateOnly(2027, 3, 1),
                Status = status,
                Version = 1,
            };
            db.DevelopmentPoints.Add(point);
            await db.SaveChangesAsync();
            return point.Id;
        });

    public static Task<DevelopmentPoint?> FindAsync(PortalFactory factory, int id) =>
        factory.WithDbAsync(db => db.DevelopmentPoints.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id));

    public static string ListUrl(string code, string year = Year) => $"/school/{code}/ontwikkelpunten?jaar={year}";
    public static string EditUrl(string code, int id) => $"/school/{code}/ontwikkelpunten/{id}/bewerken";
    public static string DeleteUrl(string code, int id) => $"/school/{code}/ontwikkelpunten/{id}/verwijderen";
}

/// <summary>Submits a form the way a browser does: every field as the page has it, some changed by the test.</summary>
internal static class FormSubmission
{
    public static Dictionary<string, string> FieldsOf(IElement form)
    {
        var fields = new Dictionary<string, string>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "radio" or "checkbox" } box:
                    if (box.IsChecked) fields[name] = box.Value;
                    break;
                case IHtmlInputElement input:
                    fields[name] = input.Value;
                    break;
                case IHtmlSelectElement select:
                    fields[name] = select.SelectedOptions.FirstOrDefault()?.Value ?? "";
                    break;
                case IHtmlTextAreaElement textarea:
                    fields[name] = textarea.Value;
                    break;
            }
        }

        return fields;
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IDocument page, string formTestId, IDictionary<string, string>? changes = null)
    {
        var form = page.QuerySelector($"form[data-testid='{formTestId}']") ?? throw new InvalidOperationException($"No form '{formTestId}' on the page.");
        var fields = FieldsOf(form);
        foreach (var (name, value) in changes ?? new Dictionary<string, string>()) fields[name] = value;
        return client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    public static string? Value(this IDocument page, string id) => page.GetElementById(id) switch
    {
        IHtmlSelectElement select => select.SelectedOptions.FirstOrDefault()?.Value,
        IHtmlTextAreaElement textarea => textarea.Value,
        IHtmlInputElement input => input.Value,
        _ => null,
    };
}
