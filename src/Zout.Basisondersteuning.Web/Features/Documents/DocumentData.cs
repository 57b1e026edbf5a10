using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Scans;
using Zout.Basisondersteuning.Web.Features.Support;

namespace Zout.Basisondersteuning.Web.Features.Documents;

public sealed record SchoolInfo(
    int Id,
    string LocationCode,
    string Name,
    string Address,
    string? PostalCode,
    string? City,
    string BoardName,
    string? Phone,
    string? Website,
    int? PupilCount,
    string PartnershipName,
    string? ContactPersonName,
    string? ContactPersonEmail,
    InspectionJudgement? InspectionJudgement = null,
    DateOnly? InspectionDate = null,
    string? InspectionReportUrl = null);

/// <summary>How parents reach the partnership: from its settings (/beheer/samenwerkingsverband).</summary>
public sealed record PartnershipContact(string Name, string? Phone, string? Email, string? Website)
{
    public bool HasAny => !string.IsNullOrWhiteSpace(Phone) || !string.IsNullOrWhiteSpace(Email) || !string.IsNullOrWhiteSpace(Website);
}

public sealed record OfferingLine(OfferingItemDefinition Item, ScanAnswer Answer)
{
    public string? Quantity => Answer.Number is { } n && Item.QuantityUnit is { } unit ? $"{DutchNumber.Format(n)} {unit}" : null;
    public string? Note => string.IsNullOrWhiteSpace(Answer.Text) ? null : Answer.Text.Trim();
}

/// <summary>
/// Everything the documents of one school and school year are made of: the school, the framework, the
/// scan's answers, last year's answers and the development points. Each document picks what it may show.
/// </summary>
public sealed class SchoolDocumentData
{
    public required SchoolInfo School { get; init; }
    public required SchoolYear Year { get; init; }
    public required FrameworkDefinition Framework { get; init; }
    public Scan? Scan { get; init; }
    public required IReadOnlyDictionary<string, ScanAnswer> Answers { get; init; }
    public string? LastYearName { get; init; }
    public required IReadOnlyDictionary<string, ScanAnswer> LastYearAnswers { get; init; }
    public required IReadOnlyList<DevelopmentPoint> DevelopmentPoints { get; init; }

    /// <summary>The name of the directeur who adopted the scan.</summary>
    public string? AdoptedByName { get; init; }

    /// <summary>The partnership's contact details; null when it has none (a document made outside a portal).</summary>
    public PartnershipContact? Partnership { get; init; }

    /// <summary>The partnership's texts and arrangements of the year (SOP framing, route); the defaults unless loaded.</summary>
    public PartnershipSupportModel Support { get; init; } = PartnershipSupportModel.Defaults(null);

    public ScanStatus Status => Scan?.Status ?? ScanStatus.NotStarted;

    public ScanAnswer? Answer(string key) => Answers.GetValueOrDefault(key);

    public string? Text(string key) => Answers.GetValueOrDefault(key)?.Text is { } t && !string.IsNullOrWhiteSpace(t) ? t.Trim() : null;

    public string? QuestionText(string questionKey) =>
        Framework.OpenQuestions.ByKey(questionKey) is { InSop: true } ? Text(ItemKey.Question(questionKey)) : null;

    public int? Level(string key) => Answers.GetValueOrDefault(key)?.Level;

    public int? LastYearLevel(string key) => LastYearAnswers.GetValueOrDefault(key)?.Level;

    /// <summary>The ticked offering items of one kind, in framework order.</summary>
    public IReadOnlyList<OfferingLine> Offering(OfferingKind kind) =>
        Framework.OfferingGroups.Where(g => g.Kind == kind)
            .SelectMany(g => g.Items)
            .Select(i => (Item: i, Answer: Answers.GetValueOrDefault(ItemKey.Offering(i.Key))))
            .Where(x => x.Answer is { Checked: true })
            .Select(x => new OfferingLine(x.Item, x.Answer!))
            .ToList();

    public IEnumerable<string> TickedOfferingKeys =>
        Framework.OfferingItems.Where(i => Answers.GetValueOrDefault(ItemKey.Offering(i.Key)) is { Checked: true }).Select(i => i.Key);

    public decimal Budget => (School.PupilCount ?? 0) * Framework.AmountPerPupil;

    public decimal? Spent(string financeKey) => Answers.GetValueOrDefault(ItemKey.Finance(financeKey))?.Number;

    public string MrAdvice => (Scan?.MrAdviceOutcome).ToDutchInSentence();

    /// <summary>"3 op orde", or "–" without a level.</summary>
    public string LevelText(int? level) => level is { } l ? $"{l.ToString(CultureInfo.InvariantCulture)} {Framework.LevelLabel(l).ToLower(Dutch)}" : "–";

    /// <summary>The explanation (toelichting) the school wrote with an item, or null.</summary>
    public string? Explanation(string key) => Text(key);

    /// <summary>The number the school filled in for a key figure; null when it left it empty (not filled in, never 0).</summary>
    public decimal? KeyFigure(string figureKey) => Answers.GetValueOrDefault(ItemKey.KeyFigure(figureKey))?.Number;

    public decimal? LastYearKeyFigure(string figureKey) => LastYearAnswers.GetValueOrDefault(ItemKey.KeyFigure(figureKey))?.Number;

    /// <summary>A key figure as a document prints it: "3 leerlingen", or "niet ingevuld".</summary>
    public static string KeyFigureText(decimal? value, KeyFigureDefinition figure) =>
        value is { } v ? $"{DutchNumber.Format(v)}{(figure.Unit is { Length: > 0 } unit ? " " + unit : "")}" : "niet ingevuld";

    /// <summary>The development points of one domain, in the order of the aspects.</summary>
    public IReadOnlyList<DevelopmentPoint> PointsOf(string domainKey) =>
        DevelopmentPoints.Where(p => p.DomainKey == domainKey)
            .OrderBy(p => Framework.Aspects.FindIndex(a => a.Key == p.AspectKey) is var i and >= 0 ? i : int.MaxValue).ThenBy(p => p.Id).ToList();

    /// <summary>
    /// The levels and scores that went up or down since last year's adopted scan: the cells, verandercapaciteit and
    /// the agreements, for items in this year's framework with a level in both years.
    /// </summary>
    public IReadOnlyList<(string Item, int Before, int Now)> LevelChanges()
    {
        var keys = Framework.Domains.SelectMany(d => Framework.Aspects.Select(a => (string)ItemKey.Cell(d.Key, a.Key)))
            .Concat(Framework.ChangeCapacity.Select(c => (string)ItemKey.ChangeCapacity(c.Key)))
            .Concat(Framework.Agreements.OrderBy(a => a.Number).Select(a => (string)ItemKey.Agreement(a.Key)));
        var changes = new List<(string, int, int)>();
        foreach (var key in keys)
        {
            if (Level(key) is { } now && LastYearLevel(key) is { } before && now != before) changes.Add((ScanLabels.Item(Framework, key), before, now));
        }

        return changes;
    }

    /// <summary>How many of the items above kept their level.</summary>
    public int UnchangedLevels() =>
        Framework.Domains.SelectMany(d => Framework.Aspects.Select(a => (string)ItemKey.Cell(d.Key, a.Key)))
            .Concat(Framework.ChangeCapacity.Select(c => (string)ItemKey.ChangeCapacity(c.Key)))
            .Concat(Framework.Agreements.Select(a => (string)ItemKey.Agreement(a.Key)))
            .Count(k => Level(k) is { } now && LastYearLevel(k) == now);

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
}

/// <summary>Loads <see cref="SchoolDocumentData"/>. Access is decided before, by the caller.</summary>
public sealed class DocumentDataLoader(AppDbContext db, FrameworkStore frameworks, PartnershipSupportQuery support)
{
    public async Task<SchoolDocumentData?> LoadAsync(int schoolId, string yearName, CancellationToken cancellationToken)
    {
        // Ten queries on one connection (closed when the request's DbContext goes) instead of a pooled open and close
        // for each: a cached PDF's server time is this load and the Razor render (issue 15).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var framework = await frameworks.ForYearAsync(yearName, cancellationToken);
        if (framework is null) return null;
        var year = framework.Year;
        var contact = await db.Partnerships.AsNoTracking().OrderBy(p => p.Id).Select(p => new PartnershipContact(p.Name, p.Phone, p.Email, p.Website)).FirstOrDefaultAsync(cancellationToken);
        var partnership = contact?.Name ?? "het samenwerkingsverband";
        var school = await db.Schools.AsNoTracking()
            .Where(s => s.Id == schoolId)
            .Select(s => new SchoolInfo(s.Id, s.LocationCode, s.Name, ((s.Street ?? "") + " " + (s.HouseNumber ?? "")).Trim(), s.PostalCode, s.City,
                s.Board.Name, s.Phone, s.Website, s.PupilCount, partnership,
                s.ContactPerson == null ? null : s.ContactPerson.DisplayName, s.ContactPerson == null ? null : s.ContactPerson.Email,
                s.InspectionJudgement, s.InspectionDate, s.InspectionReportUrl))
            .SingleOrDefaultAsync(cancellationToken);
        if (school is null) return null;

        var scan = await db.Scans.AsNoTracking().SingleOrDefaultAsync(s => s.SchoolId == schoolId && s.SchoolYearId == year.Id, cancellationToken);
        var answers = scan is null ? new Dictionary<string, ScanAnswer>()
            : await db.ScanAnswers.AsNoTracking().Where(a => a.ScanId == scan.Id).ToDictionaryAsync(a => a.ItemKey, StringComparer.Ordinal, cancellationToken);
        var last = await db.Scans.AsNoTracking()
            .AdoptedBefore(schoolId, year.StartYear)
            .Select(s => new { s.Id, s.SchoolYear.Name })
            .FirstOrDefaultAsync(cancellationToken);
        var lastAnswers = last is null ? new Dictionary<string, ScanAnswer>()
            : await db.ScanAnswers.AsNoTracking().Where(a => a.ScanId == last.Id).ToDictionaryAsync(a => a.ItemKey, StringComparer.Ordinal, cancellationToken);
        var points = await db.DevelopmentPoints.AsNoTracking()
            .Where(p => p.SchoolId == schoolId && p.SchoolYearId == year.Id)
            .OrderBy(p => p.DomainKey).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);

        var adoptedBy = scan?.AdoptedBy is { } userName
            ? await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;

        return new SchoolDocumentData
        {
            AdoptedByName = adoptedBy,
            Partnership = contact,
            Support = await support.ForYearIdAsync(year.Id, 3, cancellationToken),
            School = school,
            Year = year,
            Framework = framework.Definition,
            Scan = scan,
            Answers = answers,
            LastYearName = last?.Name,
            LastYearAnswers = lastAnswers,
            DevelopmentPoints = points,
        };
    }
}
