using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Dashboards;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Features.Dashboards.Attention;

namespace Zout.Basisondersteuning.Tests.Features.Dashboards;

/// <summary>
/// Every rule of "Wat vraagt aandacht" with data that triggers it and data that does not, just around its thresholds.
/// The rules are plain functions of the summaries, so these tests need no portal.
/// </summary>
public sealed class AttentionRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly YearOption ThisYear = new(2, "2026-2027", 2026, new DateOnly(2026, 12, 31));
    private static readonly YearOption LastYear = new(1, "2025-2026", 2025, new DateOnly(2026, 6, 30));
    private static readonly FrameworkDefinition Framework = TestData.SmallFramework();

    private static int _next;

    /// <summary>A school of region <paramref name="region"/> (1 "Noord" or 2 "Zuid").</summary>
    private static SchoolInfo School(int region = 1)
    {
        var id = Interlocked.Increment(ref _next);
        return new SchoolInfo(id, $"T{id:D5}", $"School {id}", 1, "Bestuur", region, region == 1 ? "Noord" : "Zuid", 200, null, null, null);
    }

    private static SummaryEntry Scan(SchoolInfo school, Action<ScanBuilder> answers, ScanStatus status = ScanStatus.Adopted, int year = 2)
    {
        var builder = new ScanBuilder();
        answers(builder);
        return SummaryEntry.From(ScanSummary.From(school.Id * 10 + year, school.Id, year, status, builder.Answers));
    }

    private static AttentionContext Context(IEnumerable<(SchoolInfo School, SummaryEntry? Now, SummaryEntry? Then)> schools, AttentionScope scope = AttentionScope.Board,
        DateOnly? today = null, IReadOnlyList<OverduePoint>? overdue = null, IReadOnlySet<(string, string)>? planned = null)
    {
        var list = schools.ToList();
        return new AttentionContext
        {
            Scope = scope,
            Today = today ?? Today,
            Year = ThisYear,
            Framework = Framework,
            PreviousYear = LastYear,
            PreviousFramework = Framework,
            Schools = list.Select(s => s.School).ToList(),
            Current = list.Where(s => s.Now is not null).ToDictionary(s => s.School.Id, s => s.Now!),
            Previous = list.Where(s => s.Then is not null).ToDictionary(s => s.School.Id, s => s.Then!),
            OverduePoints = overdue ?? [],
            PlannedCells = planned ?? new HashSet<(string, string)>(),
            Link = (anchor, extra) => $"/dashboard?{extra}{anchor}",
            ScanUrl = "/scan",
            DevelopmentPointsUrl = "/ontwikkelpunten",
        };
    }

    /// <summary>Schools with a scan this year only, at these levels of taal-lezen/aanbod.</summary>
    private static IEnumerable<(SchoolInfo, SummaryEntry?, SummaryEntry?)> AtLevels(params int[] levels) =>
        levels.Select(level =>
        {
            var school = School();
            return (school, (SummaryEntry?)Scan(school, s => s.Level("taal-lezen", "aanbod", level)), (SummaryEntry?)null);
        });

    [Fact]
    public void ScanDeadline_WarnsTwoWeeksAhead_WhenScansAreOpen()
    {
        var submitted = School();
        var concept = School();
        var schools = new[] { (submitted, (SummaryEntry?)Scan(submitted, _ => { }, ScanStatus.Submitted), (SummaryEntry?)null), (concept, Scan(concept, _ => { }, ScanStatus.Concept), null) };

        var item = Assert.Single(ScanDeadlineRule.Evaluate(Context(schools, today: new DateOnly(2026, 12, 17))));
        Assert.Equal("1 school heeft haar scan 2026-2027 nog niet ingediend; de scan sluit over 14 dagen, op 31 december 2026.", item.Text);
        Assert.Equal("/dashboard?#voltooiing", item.Href);

        Assert.Empty(ScanDeadlineRule.Evaluate(Context(schools, today: new DateOnly(2026, 12, 16))));
        Assert.Empty(ScanDeadlineRule.Evaluate(Context(schools.Take(1), today: new DateOnly(2026, 12, 30))));
        Assert.Contains("is gesloten op 31 december 2026", Assert.Single(ScanDeadlineRule.Evaluate(Context(schools, today: new DateOnly(2027, 1, 30)))).Text);
        Assert.Empty(ScanDeadlineRule.Evaluate(Context(schools, today: new DateOnly(2027, 1, 31))));

        var own = Assert.Single(ScanDeadlineRule.Evaluate(Context(schools.Skip(1), AttentionScope.School, today: new DateOnly(2026, 12, 31))));
        Assert.Equal("Uw scan 2026-2027 is nog niet ingediend; de scan sluit vandaag (31 december 2026).", own.Text);
        Assert.Equal("/scan", own.Href);
    }

    [Fact]
    public void LowLevels_WhenAtLeastThreeSchoolsAndFortyPercentAreAtLevelOneOrTwo()
    {
        var item = Assert.Single(LowLevelsRule.Evaluate(Context(AtLevels(1, 2, 2, 3, 4, 4, 3))));
        Assert.Equal("Taal en lezen, aanbod: 3 van de 7 scholen (43%) staan op niveau 1 of 2.", item.Text);
        Assert.Equal("/dashboard?domein=taal-lezen#domeinen", item.Href);

        // Three schools, but fewer than 40% of them (3 of 8); or 40% and more, but only two schools.
        Assert.Empty(LowLevelsRule.Evaluate(Context(AtLevels(1, 2, 2, 3, 4, 4, 3, 3))));
        Assert.Empty(LowLevelsRule.Evaluate(Context(AtLevels(2, 2, 3))));
        // Concept scans do not count on a board's dashboard.
        var concepts = AtLevels(1, 1, 1).Select(s => (s.Item1, (SummaryEntry?)Scan(s.Item1, b => b.Level("taal-lezen", "aanbod", 1), ScanStatus.Concept), (SummaryEntry?)null));
        Assert.Empty(LowLevelsRule.Evaluate(Context(concepts)));
    }

    [Fact]
    public void LowLevels_OnTheSchoolsOwnDashboard_OnlyWithoutADevelopmentPoint()
    {
        var school = School();
        var scan = Scan(school, s => s.Level("taal-lezen", "aanbod", 2).Level("rekenen", "expertise", 1).Level("rekenen", "aanbod", 3), ScanStatus.Concept);
        var schools = new[] { (school, (SummaryEntry?)scan, (SummaryEntry?)null) };

        var item = Assert.Single(LowLevelsRule.Evaluate(Context(schools, AttentionScope.School)));
        Assert.Equal("2 onderdelen staan op niveau 1 of 2 zonder ontwikkelpunt: Rekenen, expertise; Taal en lezen, aanbod.", item.Text);
        Assert.Equal("/ontwikkelpunten", item.Href);
        Assert.Empty(LowLevelsRule.Evaluate(Context(schools, AttentionScope.School, planned: new HashSet<(string, string)> { ("taal-lezen", "aanbod"), ("rekenen", "expertise") })));
    }

    [Fact]
    public void LowAgreements_CountsTheAgreementsTheSopListsTerKennisgeving_Too()
    {
        // Agreement 1 is about handelingsgericht werken: the SOP shows it without the score, the dashboards count it.
        Assert.False(Framework.Agreements.Single(a => a.Key == "1").ShowScoreInSop);
        static IEnumerable<(SchoolInfo, SummaryEntry?, SummaryEntry?)> Scores(params int[] levels) => levels.Select(level =>
        {
            var school = School();
            return (school, (SummaryEntry?)Scan(school, s => s.Agreement("1", level).Agreement("2", 4)), (SummaryEntry?)null);
        }).ToList();

        var item = Assert.Single(LowAgreementsRule.Evaluate(Context(Scores(1, 2, 2, 4, 3))));
        Assert.Equal("Afspraak 1 (Ons team werkt planmatig en cyclisch): 3 van de 5 scholen (60%) scoren 1 of 2.", item.Text);
        Assert.Equal("/dashboard?#afspraken", item.Href);
        // Two schools are too few; three of eight is less than 40%.
        Assert.Empty(LowAgreementsRule.Evaluate(Context(Scores(1, 2, 4, 4, 3))));
        Assert.Empty(LowAgreementsRule.Evaluate(Context(Scores(1, 2, 2, 4, 3, 3, 3, 4))));

        Assert.Equal("Uw school scoort afspraak 1 met 1 of 2.", Assert.Single(LowAgreementsRule.Evaluate(Context(Scores(1), AttentionScope.School))).Text);
        Assert.Empty(LowAgreementsRule.Evaluate(Context(Scores(3), AttentionScope.School)));
    }

    [Fact]
    public void Dropped_WhenTheSameSchoolsAverageWentDownByAtLeastPointThree()
    {
        // Rekenen/expertise 3 -> 2 at one of three schools: the average drops 1/3 (0,33). 0,2 would not be enough.
        IEnumerable<(SchoolInfo, SummaryEntry?, SummaryEntry?)> Three(int lastLevelOfFirst) => Enumerable.Range(0, 3).Select(i =>
        {
            var school = School();
            return (school,
                (SummaryEntry?)Scan(school, s => s.Level("rekenen", "expertise", i == 0 ? 2 : 3)),
                (SummaryEntry?)Scan(school, s => s.Level("rekenen", "expertise", i == 0 ? lastLevelOfFirst : 3), year: 1));
        });

        var item = Assert.Single(DroppedRule.Evaluate(Context(Three(3))));
        Assert.Equal("Rekenen is gedaald van gemiddeld 3,0 naar 2,7 (-0,3) bij dezelfde 3 scholen.", item.Text);
        Assert.Equal("/dashboard?domein=rekenen#domeinen", item.Href);
        Assert.Empty(DroppedRule.Evaluate(Context(Three(2))));
        // Two schools are too few to say something dropped.
        Assert.Empty(DroppedRule.Evaluate(Context(Three(4).Take(2))));

        var own = Assert.Single(DroppedRule.Evaluate(Context(Three(3).Take(1), AttentionScope.School)));
        Assert.Equal("Lager dan in 2025-2026: Rekenen, expertise (3 → 2).", own.Text);
    }

    [Fact]
    public void OfferingGap_ARegionWithEnoughSchoolsWhereNoneOffersAnItem_OnThePartnershipDashboardOnly()
    {
        var everything = new[] { "dyslexiespecialist", "gedragsspecialist", "lift", "prikkelarme-ruimte" };
        IEnumerable<(SchoolInfo, SummaryEntry?, SummaryEntry?)> Region(int region, int schools, params string[] missing) => Enumerable.Range(0, schools).Select(_ =>
        {
            var school = School(region);
            return (school, (SummaryEntry?)Scan(school, s =>
            {
                foreach (var item in everything.Except(missing)) s.Offer(item);
            }), (SummaryEntry?)null);
        });

        var schools = Region(1, 3, "lift", "prikkelarme-ruimte").Concat(Region(2, 2, "lift")).ToList();
        var item = Assert.Single(OfferingGapRule.Evaluate(Context(schools, AttentionScope.Partnership)));
        Assert.Equal("Noord: geen enkele school biedt Lift, Prikkelarme ruimte aan.", item.Text);
        Assert.Equal("/dashboard?#dekkend-aanbod", item.Href);
        Assert.Empty(OfferingGapRule.Evaluate(Context(schools, AttentionScope.Board)));
        Assert.Empty(OfferingGapRule.Evaluate(Context(Region(1, 3), AttentionScope.Partnership)));
    }

    [Fact]
    public void OverduePoints_PastTheirDeadlineAndNotDone()
    {
        var school = School();
        var other = School();
        var schools = new[] { (school, (SummaryEntry?)null, (SummaryEntry?)null), (other, null, null) };
        OverduePoint[] overdue = [new(school.Id, "Rekenspecialist opleiden", new DateOnly(2026, 10, 1)), new(school.Id, "Leesmethode", new DateOnly(2026, 11, 1))];

        Assert.Equal("2 ontwikkelpunten zijn over de datum en nog niet afgerond, bij 1 school.", Assert.Single(OverduePointsRule.Evaluate(Context(schools, overdue: overdue))).Text);
        Assert.Equal("/dashboard?#gedeelde-ontwikkelpunten", Assert.Single(OverduePointsRule.Evaluate(Context(schools, AttentionScope.Partnership, overdue: overdue))).Href);
        Assert.Equal("2 ontwikkelpunten zijn over de datum en nog niet afgerond, zoals “Rekenspecialist opleiden” (1 oktober 2026); “Leesmethode” (1 november 2026).",
            Assert.Single(OverduePointsRule.Evaluate(Context(schools.Take(1), AttentionScope.School, overdue: overdue))).Text);
        Assert.Empty(OverduePointsRule.Evaluate(Context(schools)));
    }

    [Fact]
    public void KeyFigureRise_ByAtLeastTwoAndAQuarter_OverTheSchoolsThatFilledItInBothYears()
    {
        IEnumerable<(SchoolInfo, SummaryEntry?, SummaryEntry?)> Figures(params (decimal? Then, decimal? Now)[] values) => values.Select(v =>
        {
            var school = School();
            return (school, (SummaryEntry?)Scan(school, s => s.KeyFigure("arrangementen", v.Now)), (SummaryEntry?)Scan(school, s => s.KeyFigure("arrangementen", v.Then), year: 1));
        });

        // 4 + 4 = 8 -> 5 + 6 = 11: +3, +38%.
        var item = Assert.Single(KeyFigureRiseRule.Evaluate(Context(Figures((4, 5), (4, 6)))));
        Assert.Equal("Aantal aangevraagde arrangementen: van 8 in 2025-2026 naar 11 (+3, +38%) bij de 2 scholen die het beide jaren invulden.", item.Text);
        Assert.Equal("/dashboard?#kengetallen", item.Href);
        // +1 is too little; +2 from 10 is less than a quarter.
        Assert.Empty(KeyFigureRiseRule.Evaluate(Context(Figures((4, 5)))));
        Assert.Empty(KeyFigureRiseRule.Evaluate(Context(Figures((10, 12)))));
        // A school that left the figure empty this year is left out, not counted as 0 (which would be a drop) and
        // another school's rise is measured on its own: 1 -> 3.
        Assert.Equal("Aantal aangevraagde arrangementen: van 1 in 2025-2026 naar 3 (+2, +200%) bij de enige school die het beide jaren invulde.",
            Assert.Single(KeyFigureRiseRule.Evaluate(Context(Figures((9, null), (1, 3))))).Text);
        // Empty last year: nothing to compare with, so no rise from "0".
        Assert.Empty(KeyFigureRiseRule.Evaluate(Context(Figures((null, 9)))));
    }

    [Fact]
    public void TheList_RunsEveryRule_InOrder_AndStaysShort()
    {
        Assert.Equal([ScanDeadlineRule.Id, OverduePointsRule.Id, KeyFigureRiseRule.Id, DroppedRule.Id, LowLevelsRule.Id, LowAgreementsRule.Id, OfferingGapRule.Id],
            AttentionList.Rules.Select(r => r.Id).ToArray());
        // Four schools at level 1 that offer nothing, and one school without a scan, two days before the window closes.
        var many = AtLevels(1, 1, 1, 1).Append((School(), null, null)).ToList();
        var context = Context(many, AttentionScope.Partnership, today: new DateOnly(2026, 12, 30),
            overdue: [new OverduePoint(many[0].Item1.Id, "Punt", new DateOnly(2026, 1, 1))]);
        var items = AttentionList.Evaluate(context);
        Assert.InRange(items.Count, 1, AttentionList.MaxItems);
        Assert.Equal([ScanDeadlineRule.Id, OverduePointsRule.Id, LowLevelsRule.Id], items.Select(i => i.Rule).Distinct().Take(3).ToArray());
    }
}
