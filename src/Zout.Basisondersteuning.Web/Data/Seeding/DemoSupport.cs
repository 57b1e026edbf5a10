using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Support;
using Zout.Basisondersteuning.Web.Features.Support;

namespace Zout.Basisondersteuning.Web.Data.Seeding;

/// <summary>
/// Demo data (Development only): the partnership's extra support of seed 004 in both demo years. Last year gets the
/// default texts and the seed's group arrangements (TOP-groep and Jonge kind groep vervangend; DOEN-groep, IMPULS-groep
/// and Doe en Leergroep aanvullend) with an individual and a clustered arrangement; this year starts as a copy, as
/// creating a year does, and one arrangement moved on: the Doe en Leergroep is available now. Some are in development,
/// some are not available in every region. The host schools and regions are the demo's own.
/// </summary>
public static class DemoSupport
{
    private const string Contact = "Team Passend Onderwijs, 030 123 40 00, ondersteuning@swv-demo.example";
    private const string HowToApply = "De intern begeleider meldt een leerling aan bij de ondersteuner passend onderwijs van het samenwerkingsverband, na overleg met de ouders.";

    public static async Task SeedAsync(AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var start = SchoolYear.StartYearOf(Infrastructure.DutchTime.Today(time));
        var years = await db.SchoolYears.Where(y => y.StartYear == start || y.StartYear == start - 1).ToDictionaryAsync(y => y.StartYear, cancellationToken);
        if (!years.TryGetValue(start, out var current) || await db.SupportOfferings.AnyAsync(o => o.SchoolYearId == current.Id, cancellationToken)) return;

        var schools = await db.Schools.Where(s => HostSchools.Contains(s.LocationCode)).ToDictionaryAsync(s => s.LocationCode, cancellationToken);
        var regions = await db.Regions.ToDictionaryAsync(r => r.Name, cancellationToken);
        School? Host(string code) => schools.GetValueOrDefault(code);
        List<Region> In(params string[] names) => names.Where(regions.ContainsKey).Select(n => regions[n]).ToList();

        if (years.TryGetValue(start - 1, out var last) && !await db.SupportOfferings.AnyAsync(o => o.SchoolYearId == last.Id, cancellationToken))
        {
            db.SupportOfferings.Add(SupportDefaults.NewOffering(last));
            db.SupportArrangements.AddRange(Arrangements(last, Host, In));
            await db.SaveChangesAsync(cancellationToken);
            await SupportCarryOver.AddAsync(db, last.Id, current, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var moved = await db.SupportArrangements.SingleAsync(a => a.SchoolYearId == current.Id && a.Name == "Doe en Leergroep", cancellationToken);
            moved.Status = ArrangementStatus.Available;
            moved.Places = 12;
        }
        else
        {
            db.SupportOfferings.Add(SupportDefaults.NewOffering(current));
            db.SupportArrangements.AddRange(Arrangements(current, Host, In));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly string[] HostSchools = ["16JK00", "20ST00", "17LM00", "24AB00", "28JK00"];

    private static IEnumerable<SupportArrangement> Arrangements(SchoolYear year, Func<string, School?> host, Func<string[], List<Region>> regions) =>
    [
        new()
        {
            SchoolYear = year,
            Name = "TOP-groep",
            Form = ArrangementForm.Group,
            Relation = ArrangementRelation.Replacing,
            Durations = ArrangementDurations.ShortTerm | ArrangementDurations.MediumTerm | ArrangementDurations.LongTerm,
            Status = ArrangementStatus.Available,
            TargetGroup = "Leerlingen van groep 3 tot en met 8 die in hun eigen groep vastlopen door hun gedrag of door sociaal-emotionele problemen.",
            Description = "Een kleine groep op een gewone basisschool, vier ochtenden per week. De leerling leert weer mee te doen en gaat daarna terug naar de eigen school.",
            HostSchool = host("16JK00"),
            Places = 10,
            HowToApply = HowToApply,
            Contact = Contact,
            SortOrder = 1,
        },
        new()
        {
            SchoolYear = year,
            Name = "Jonge kind groep",
            Form = ArrangementForm.Group,
            Relation = ArrangementRelation.Replacing,
            Durations = ArrangementDurations.MediumTerm | ArrangementDurations.LongTerm,
            Status = ArrangementStatus.Available,
            TargetGroup = "Kleuters van 4 tot 6 jaar die extra ondersteuning nodig hebben bij hun ontwikkeling.",
            Description = "Kleuters spelen en leren in een kleine groep met een leerkracht en een onderwijsassistent. Ouders doen mee met de ouderochtenden.",
            HostSchool = host("20ST00"),
            Regions = regions(["Regio De Bilt en Bunnik", "Regio Heuvelrug en Wijk bij Duurstede"]),
            Places = 12,
            HowToApply = HowToApply,
            Contact = Contact,
            SortOrder = 2,
        },
        new()
        {
            SchoolYear = year,
            Name = "DOEN-groep",
            Form = ArrangementForm.Group,
            Relation = ArrangementRelation.Additional,
            Durations = ArrangementDurations.ShortTerm,
            Status = ArrangementStatus.Available,
            TargetGroup = "Leerlingen van groep 5 tot en met 8 die beter leren door te doen.",
            Description = "Eén middag per week leren met de handen: bouwen, koken, techniek. Naast de eigen groep.",
            HostSchool = host("17LM00"),
            Regions = regions(["Regio Zeist"]),
            Places = 8,
            HowToApply = HowToApply,
            Contact = Contact,
            SortOrder = 3,
        },
        new()
        {
            SchoolYear = year,
            Name = "IMPULS-groep",
            Form = ArrangementForm.Group,
            Relation = ArrangementRelation.Additional,
            Durations = ArrangementDurations.ShortTerm | ArrangementDurations.MediumTerm,
            Status = ArrangementStatus.InDevelopment,
            TargetGroup = "Leerlingen van groep 4 tot en met 8 die meer uitdaging nodig hebben dan de eigen groep kan geven.",
            Description = "Een ochtend per week werken aan uitdagende projecten met andere kinderen die snel leren. Naast de eigen groep.",
            HostSchool = host("24AB00"),
            Regions = regions(["Regio Zeist"]),
            Contact = Contact,
            SortOrder = 4,
        },
        new()
        {
            SchoolYear = year,
            Name = "Doe en Leergroep",
            Form = ArrangementForm.Group,
            Relation = ArrangementRelation.Additional,
            Durations = ArrangementDurations.MediumTerm,
            Status = ArrangementStatus.InDevelopment,
            TargetGroup = "Leerlingen van groep 3 tot en met 6 met een leer- of ontwikkelingsvraag.",
            Description = "Twee middagen per week extra oefenen in een kleine groep, met veel bewegen en doen. Naast de eigen groep.",
            HostSchool = host("28JK00"),
            Regions = regions(["Regio De Bilt en Bunnik", "Regio Zeist"]),
            Places = 10,
            Contact = Contact,
            SortOrder = 5,
        },
        new()
        {
            SchoolYear = year,
            Name = "Individueel arrangement",
            Form = ArrangementForm.Individual,
            Relation = ArrangementRelation.Additional,
            Status = ArrangementStatus.Available,
            TargetGroup = "Een leerling die meer nodig heeft dan de basisondersteuning van de eigen school.",
            // Seed 004, 2.1.
            Description = "Individuele arrangementen variëren in aard, intensiteit en inzet van tijd, ondersteunings- en financiële middelen. "
                + "Ze passen bij de individuele ondersteuningsbehoeften van het kind en houden rekening met factoren rondom het kind die van invloed zijn.",
            Location = "Op de eigen school",
            HowToApply = HowToApply,
            Contact = Contact,
            SortOrder = 6,
        },
        new()
        {
            SchoolYear = year,
            Name = "Geclusterd arrangement",
            Form = ArrangementForm.Clustered,
            Relation = ArrangementRelation.Additional,
            Status = ArrangementStatus.Available,
            TargetGroup = "Leerlingen van één school die dezelfde ondersteuning nodig hebben.",
            // Seed 004, 2.2.
            Description = "Het kan soms effectiever zijn om een leerling geen individueel ondersteuningsaanbod te bieden, maar om hem of haar tijdelijk te koppelen "
                + "aan andere leerlingen die dezelfde ondersteuning nodig hebben. De ondersteuning vindt bij voorkeur plaats binnen de eigen groep.",
            Location = "Op de eigen school",
            HowToApply = HowToApply,
            Contact = Contact,
            SortOrder = 7,
        },
    ];
}
