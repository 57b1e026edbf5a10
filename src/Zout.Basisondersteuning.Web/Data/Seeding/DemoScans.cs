using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure;

namespace Zout.Basisondersteuning.Web.Data.Seeding;

/// <summary>
/// Demo scans: last school year adopted for most schools; the current year in every state (not started,
/// concept, submitted, adopted), with development points, so that every page has something real to show.
/// Deterministic: the same demo every time.
/// </summary>
public static class DemoScans
{
    private static readonly string[] LowExplanations =
    [
        "Nog niet iedereen in het team is hierin geschoold.",
        "We missen een vaste werkwijze; dit pakken we dit jaar op.",
        "Er is te weinig tijd ingeroosterd om dit goed te doen.",
        "De aanpak is nieuw en nog niet geëvalueerd.",
    ];

    private static readonly string[] GoodExplanations =
    [
        "Staat beschreven in ons zorgplan en wordt jaarlijks geëvalueerd.",
        "Twee collega's hebben de specialisatie afgerond.",
        "Wordt besproken in de groepsbesprekingen en is zichtbaar in de groepsplannen.",
        "",
        "",
    ];

    public static async Task SeedAsync(AppDbContext db, TimeProvider time, IReadOnlyDictionary<string, School> schools, string demoSchoolCode, string otherSchoolCode, CancellationToken cancellationToken)
    {
        var today = time.Today();
        var currentStart = SchoolYear.StartYearOf(today);
        var years = await db.SchoolYears.ToDictionaryAsync(y => y.StartYear, cancellationToken);
        var lastYear = years[currentStart - 1];
        var currentYear = years[currentStart];

        // Last year's window is over; this year's is open, so the demo can be filled in today.
        lastYear.ScanOpensOn = new DateOnly(currentStart, 5, 1);
        lastYear.ScanClosesOn = new DateOnly(currentStart, 6, 30);
        currentYear.ScanOpensOn = today.AddDays(-14);
        currentYear.ScanClosesOn = today.AddDays(60);

        var framework = DefaultFramework.Create();
        db.ScanFrameworks.Add(new ScanFramework { SchoolYearId = lastYear.Id, DefinitionJson = framework.ToJson(), Version = 1 });
        db.ScanFrameworks.Add(new ScanFramework { SchoolYearId = currentYear.Id, DefinitionJson = framework.ToJson(), Version = 1 });
        await db.SaveChangesAsync(cancellationToken);

        var random = new Random(2026);
        var now = time.GetUtcNow();
        var ordered = schools.Values.OrderBy(s => s.LocationCode).ToList();
        var lastYearScans = new Dictionary<int, Scan>();

        // Last year: adopted for all but three schools.
        foreach (var school in ordered.Where((_, i) => i % 10 != 9))
        {
            var scan = NewScan(school, lastYear, ScanStatus.Adopted);
            Fill(scan, framework, random, school, origin: AnswerOrigin.New);
            scan.Sections = ScanLayout.Sections(framework)
                .Select(section => new ScanSection { Key = section.Key, Version = 2, SavedAt = now.AddMonths(-6), SavedBy = "ib@demo.example", State = SectionState.Complete })
                .ToList();
            scan.Transitions.Add(new ScanTransition { From = ScanStatus.Concept, To = ScanStatus.Submitted, At = now.AddMonths(-5).AddDays(-3), By = "ib@demo.example" });
            Adopt(scan, new DateOnly(currentStart, 6, 20 + random.Next(0, 8)), now.AddMonths(-5));
            db.Scans.Add(scan);
            lastYearScans[school.Id] = scan;
        }

        await db.SaveChangesAsync(cancellationToken);

        // This year: a mix of states. The demo accounts' schools: a concept (12AB00) and not started (14EF00).
        for (var i = 0; i < ordered.Count; i++)
        {
            var school = ordered[i];
            if (school.LocationCode == otherSchoolCode) continue;
            lastYearScans.TryGetValue(school.Id, out var previous);
            var state = school.LocationCode == demoSchoolCode ? ScanStatus.Concept : (i % 5) switch
            {
                0 => ScanStatus.Adopted,
                1 => ScanStatus.Submitted,
                2 => ScanStatus.Concept,
                3 => ScanStatus.Adopted,
                _ => ScanStatus.NotStarted,
            };
            if (state == ScanStatus.NotStarted) continue;

            var scan = NewScan(school, currentYear, state);
            scan.CarriedOverFromScanId = previous?.Id;
            if (previous is not null)
            {
                // Carried over, then per item confirmed or changed; a concept keeps some items to review.
                foreach (var old in previous.Answers)
                {
                    var answer = Copy(old);
                    var roll = random.NextDouble();
                    if (state == ScanStatus.Concept && roll < 0.35) answer.Origin = AnswerOrigin.CarriedOver;
                    else if (roll < 0.8 || answer.Level is null) answer.Origin = AnswerOrigin.ConfirmedUnchanged;
                    else
                    {
                        answer.Level = Math.Clamp(answer.Level.Value + (random.Next(0, 3) == 0 ? -1 : 1), 1, 4);
                        answer.TargetLevel = answer.TargetLevel is { } t && t > answer.Level ? t : null;
                        answer.Text = answer.Level <= 2 ? LowExplanations[random.Next(LowExplanations.Length)] : answer.Text;
                        answer.Origin = AnswerOrigin.Changed;
                    }

                    scan.Answers.Add(answer);
                }
            }
            else
            {
                Fill(scan, framework, random, school, origin: AnswerOrigin.New);
            }

            var sections = ScanLayout.Sections(framework);
            var byKey = scan.Answers.ToDictionary(a => a.ItemKey);
            foreach (var section in sections)
            {
                var keys = ScanLayout.ItemKeys(framework, section);
                var toReview = keys.Any(k => byKey.TryGetValue(k, out var a) && a.Origin == AnswerOrigin.CarriedOver);
                var saved = !toReview;
                var complete = saved && SectionCompleteness.Evaluate(framework, section, byKey, saved: true).IsComplete;
                scan.Sections.Add(new ScanSection
                {
                    Key = section.Key,
                    Version = saved ? 2 : 1,
                    SavedAt = saved ? now.AddDays(-random.Next(1, 10)) : null,
                    SavedBy = saved ? "ib@demo.example" : null,
                    ConfirmedUnchanged = saved && keys.All(k => !byKey.TryGetValue(k, out var a) || a.Origin == AnswerOrigin.ConfirmedUnchanged),
                    State = complete ? SectionState.Complete : saved ? SectionState.InProgress : SectionState.NotStarted,
                });
            }

            if (state is ScanStatus.Submitted or ScanStatus.Adopted)
            {
                scan.SubmittedAt = now.AddDays(-6);
                scan.SubmittedBy = "ib@demo.example";
                scan.Transitions.Add(new ScanTransition { From = ScanStatus.Concept, To = ScanStatus.Submitted, At = now.AddDays(-6), By = "ib@demo.example" });
            }

            if (state == ScanStatus.Adopted) Adopt(scan, today.AddDays(-2), now.AddDays(-2));
            db.Scans.Add(scan);
        }

        await db.SaveChangesAsync(cancellationToken);

        // Development points where this year's scans show room to grow.
        var current = await db.Scans.Include(s => s.Answers).Include(s => s.School).Where(s => s.SchoolYearId == currentYear.Id).ToListAsync(cancellationToken);
        foreach (var scan in current)
        {
            var candidates = scan.Answers
                .Where(a => a.Level is <= 2 && ItemKey.Parse(a.ItemKey).IsCell)
                .OrderBy(_ => random.Next())
                .Take(scan.School.LocationCode == demoSchoolCode ? 3 : random.Next(0, 3));
            foreach (var answer in candidates)
            {
                var cell = ItemKey.Parse(answer.ItemKey);
                var domain = framework.Domains.ByKey(cell.Key)!;
                var aspect = framework.Aspects.ByKey(cell.Aspect)!;
                var target = Math.Min(answer.Level!.Value + 1, framework.MaxLevel);
                db.DevelopmentPoints.Add(new DevelopmentPoint
                {
                    SchoolId = scan.SchoolId,
                    SchoolYearId = currentYear.Id,
                    DomainKey = domain.Key,
                    AspectKey = aspect.Key,
                    Title = $"{domain.Name} – {aspect.Name}: van {answer.Level} naar {target}",
                    CurrentLevel = answer.Level,
                    TargetLevel = target,
                    Actions = "Scholing voor het team, collegiale consultatie bij een school die hier sterk in is, evaluatie in de teamvergadering.",
                    Owner = random.Next(2) == 0 ? "Intern begeleider" : "Directeur",
                    Deadline = new DateOnly(currentStart + 1, random.Next(2, 7), 1),
                    Status = (DevelopmentPointStatus)random.Next(0, 3),
                    Version = 1,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Scan NewScan(School school, SchoolYear year, ScanStatus status) => new() { School = school, SchoolId = school.Id, SchoolYearId = year.Id, Status = status, Version = 1 };

    private static void Adopt(Scan scan, DateOnly date, DateTimeOffset at)
    {
        scan.AdoptionDate = date;
        scan.MrAdviceDate = date.AddDays(-7);
        scan.MrAdviceOutcome = MrAdviceOutcome.Positive;
        scan.AdoptedAt = at;
        scan.AdoptedBy = "directeur@demo.example";
        scan.Transitions.Add(new ScanTransition { From = ScanStatus.Submitted, To = ScanStatus.Adopted, At = at, By = "directeur@demo.example" });
    }

    private static ScanAnswer Copy(ScanAnswer a) => new()
    {
        ItemKey = a.ItemKey,
        Level = a.Level,
        TargetLevel = a.TargetLevel,
        Text = a.Text,
        Number = a.Number,
        Checked = a.Checked,
    };

    /// <summary>A complete, plausible scan: most cells at level 3, some strengths, some gaps with an explanation.</summary>
    private static void Fill(Scan scan, FrameworkDefinition framework, Random random, School school, AnswerOrigin origin)
    {
        int Level()
        {
            var roll = random.NextDouble();
            return roll < 0.08 ? 1 : roll < 0.3 ? 2 : roll < 0.8 ? 3 : 4;
        }

        void Add(string key, int? level = null, int? target = null, string? text = null, decimal? number = null, bool isChecked = false) =>
            scan.Answers.Add(new ScanAnswer { ItemKey = key, Level = level, TargetLevel = target, Text = text, Number = number, Checked = isChecked, Origin = origin });

        foreach (var domain in framework.Domains)
        {
            foreach (var aspect in framework.Aspects)
            {
                var level = Level();
                var target = level <= 2 && random.Next(2) == 0 ? level + 1 : (int?)null;
                var text = level <= 2 || target is not null ? LowExplanations[random.Next(LowExplanations.Length)] : GoodExplanations[random.Next(GoodExplanations.Length)];
                Add(ItemKey.Cell(domain.Key, aspect.Key), level, target, string.IsNullOrEmpty(text) ? null : text);
            }
        }

        foreach (var statement in framework.ChangeCapacity) Add(ItemKey.ChangeCapacity(statement.Key), Math.Max(2, Level()));
        foreach (var agreement in framework.Agreements) Add(ItemKey.Agreement(agreement.Key), Math.Max(2, Level()));
        foreach (var item in framework.OfferingItems)
        {
            var present = random.NextDouble() < 0.45;
            Add(ItemKey.Offering(item.Key), isChecked: present,
                number: present && item.QuantityUnit is not null ? random.Next(1, 5) : null,
                text: present && item.AsksNote ? "Ingezet in de groepen 3 tot en met 5." : null);
        }

        foreach (var question in framework.OpenQuestions)
        {
            Add(ItemKey.Question(question.Key), text: question.Key switch
            {
                OpenQuestionKeys.Context => $"{school.Name} is een school met {school.PupilCount ?? 200} leerlingen in {Infrastructure.PortalSetup.Dutch.TextInfo.ToTitleCase((school.City ?? "de regio").ToLowerInvariant())}. "
                    + "De meeste kinderen wonen in de wijk rond de school. Een op de vijf kinderen spreekt thuis ook een andere taal dan Nederlands. Ouders zijn betrokken en helpen vaak mee in de school.",
                var k when k.Contains("grenzen", StringComparison.Ordinal) => $"{school.Name} kan geen intensieve medische zorg bieden en heeft geen mogelijkheid voor één-op-één begeleiding gedurende de hele dag. In overleg met ouders en het samenwerkingsverband zoeken we dan samen naar een passende plek.",
                var k when k.Contains("ambit", StringComparison.Ordinal) => "We willen de komende twee jaar sterker worden in het begeleiden van meer- en hoogbegaafde leerlingen en in het werken met ontwikkelingsperspectieven.",
                var k when k.Contains("structuur", StringComparison.Ordinal) => "De intern begeleider coördineert de ondersteuning. Leerkrachten bespreken hun groep drie keer per jaar; bij zorgen schuiven ouders en zo nodig de consulent van het samenwerkingsverband aan.",
                _ => $"Op {school.Name} hoort ieder kind erbij. We kijken naar wat een kind nodig heeft en doen dat samen met ouders.",
            });
        }

        var budget = (school.PupilCount ?? 200) * framework.AmountPerPupil;
        var remaining = budget;
        foreach (var category in framework.FinanceCategories)
        {
            var amount = Math.Round(remaining * (decimal)(0.2 + random.NextDouble() * 0.3), 0);
            remaining -= amount;
            Add(ItemKey.Finance(category.Key), number: amount);
        }

        Add(ItemKey.FinanceEvaluation, text: "De extra inzet van de onderwijsassistent in de onderbouw heeft geholpen: minder leerlingen vielen uit bij technisch lezen.");
        foreach (var figure in framework.KeyFigures) Add(ItemKey.KeyFigure(figure.Key), number: random.Next(0, 6));
    }
}
