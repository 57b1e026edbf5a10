using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Support;

namespace Zout.Basisondersteuning.Web.Data.Seeding;

/// <summary>Demo data (Development only): the partnership's extra support for the current school year.</summary>
public static class DemoSupport
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var start = SchoolYear.StartYearOf(Infrastructure.DutchTime.Today(time));
        var year = await db.SchoolYears.SingleOrDefaultAsync(y => y.StartYear == start, cancellationToken);
        if (year is null || await db.SupportOfferings.AnyAsync(o => o.SchoolYearId == year.Id, cancellationToken)) return;
        var schools = await db.Schools.OrderBy(s => s.LocationCode).Take(3).ToListAsync(cancellationToken);
        var regions = await db.Regions.OrderBy(r => r.Name).ToListAsync(cancellationToken);
        db.SupportOfferings.Add(new SupportOffering
        {
            SchoolYearId = year.Id,
            Introduction = "Elke school in onze regio geeft basisondersteuning. Heeft een kind meer nodig, dan zoeken de school, de ouders en het samenwerkingsverband samen naar wat past, zo dicht mogelijk bij huis.",
            Phase1 = "De school geeft basisondersteuning en kan advies vragen aan de consultant van het samenwerkingsverband.",
            Phase2 = "De school, de ouders en de consultant verkennen samen de vraag: wat heeft dit kind nodig?",
            Phase3 = "Is er meer nodig, dan maakt de school met de ouders een ontwikkelingsperspectiefplan (OPP).",
            Phase4 = "Het samenwerkingsverband zet een arrangement in, of geeft een toelaatbaarheidsverklaring (TLV) voor het speciaal onderwijs.",
        });
        db.SupportArrangements.AddRange(
            new SupportArrangement
            {
                SchoolYearId = year.Id,
                Name = "TOP-groep",
                Form = ArrangementForm.Group,
                Relation = ArrangementRelation.Replacing,
                Duration = ArrangementDuration.MediumTerm,
                HostSchool = schools.FirstOrDefault(),
                Regions = regions.Take(1).ToList(),
                SortOrder = 1,
                Description = "Een kleine groep voor kinderen die vastlopen in de eigen klas. Vier ochtenden per week, met terugkeer naar de eigen school als doel.",
            },
            new SupportArrangement
            {
                SchoolYearId = year.Id,
                Name = "Jonge kind groep",
                Form = ArrangementForm.Group,
                Relation = ArrangementRelation.Replacing,
                Duration = ArrangementDuration.LongTerm,
                HostSchool = schools.Skip(1).FirstOrDefault(),
                SortOrder = 2,
                Description = "Voor kleuters die extra ondersteuning nodig hebben bij hun ontwikkeling.",
            },
            new SupportArrangement
            {
                SchoolYearId = year.Id,
                Name = "DOEN-groep",
                Form = ArrangementForm.Group,
                Relation = ArrangementRelation.Additional,
                Duration = ArrangementDuration.ShortTerm,
                HostSchool = schools.Skip(2).FirstOrDefault(),
                SortOrder = 3,
                Description = "Eén middag per week leren door te doen, naast de eigen groep.",
            },
            new SupportArrangement
            {
                SchoolYearId = year.Id,
                Name = "Individueel arrangement",
                Form = ArrangementForm.Individual,
                Relation = ArrangementRelation.Additional,
                Duration = ArrangementDuration.MediumTerm,
                SortOrder = 4,
                Description = "Extra begeleiding in de eigen school, op maat van het kind.",
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
