using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Tests.Infrastructure;

/// <summary>A small framework with every kind of section, and school years to put it in.</summary>
public static class TestFrameworks
{
    public static FrameworkDefinition Small() => new()
    {
        Name = "Testkader",
        AmountPerPupil = 100m,
        Levels =
        [
            new() { Value = 1, Label = "Niet aanwezig" },
            new() { Value = 2, Label = "In ontwikkeling" },
            new() { Value = 3, Label = "Op orde" },
            new() { Value = 4, Label = "Sterk en geborgd" },
        ],
        Aspects =
        [
            new() { Key = "expertise", Name = "Expertise", LevelDescriptions = [new() { Level = 4, Text = "Het team kan anderen ondersteunen." }] },
            new() { Key = "aanbod", Name = "Aanbod" },
        ],
        Domains =
        [
            new() { Key = "taal-lezen", Name = "Taal en lezen", Examples = ["Dyslexie"] },
            new() { Key = "rekenen", Name = "Rekenen" },
        ],
        ChangeCapacity = [new() { Key = "visie", Text = "We hebben een gedeelde visie." }, new() { Key = "leiderschap", Text = "Er is onderwijskundig leiderschap." }],
        Agreements =
        [
            new() { Number = 1, Key = "1", Text = "Ons team werkt planmatig en cyclisch.", Category = "Handelingsgericht werken", ShowScoreInSop = false },
            new() { Number = 2, Key = "2", Text = "De school heeft een protocol dyslexie.", Category = "Taal", ShowScoreInSop = true },
        ],
        OfferingGroups =
        [
            new()
            {
                Key = "expertise", Name = "Expertise in het team", Kind = OfferingKind.Expertise,
                Items = [new() { Key = "dyslexiespecialist", Name = "Dyslexiespecialist", QuantityUnit = "dagdelen" }, new() { Key = "gedragsspecialist", Name = "Gedragsspecialist", QuantityUnit = "dagdelen" }],
            },
            new()
            {
                Key = "voorzieningen", Name = "Voorzieningen", Kind = OfferingKind.Facility,
                Items = [new() { Key = "lift", Name = "Lift" }, new() { Key = "prikkelarme-ruimte", Name = "Prikkelarme ruimte", AsksNote = true }],
            },
        ],
        OpenQuestions =
        [
            new() { Key = "visie", Title = "Visie op ondersteuning", Required = true, MaxLength = 2000 },
            new() { Key = "grenzen", Title = "Grenzen aan de ondersteuning", Required = true, MaxLength = 2000 },
            new() { Key = "ambities", Title = "Ambities", Required = false, MaxLength = 2000 },
        ],
        FinanceCategories = [new() { Key = "ib", Name = "Intern begeleider" }, new() { Key = "scholing", Name = "Scholing" }],
        KeyFigures = [new() { Key = "arrangementen", Name = "Aantal aangevraagde arrangementen", Required = false }],
    };

    /// <summary>Creates (or updates) a school year with this framework and scan window.</summary>
    public static async Task<SchoolYear> SeedYearAsync(IServiceProvider services, int startYear, FrameworkDefinition framework, DateOnly? opens, DateOnly? closes)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var year = await db.SchoolYears.SingleOrDefaultAsync(y => y.StartYear == startYear);
        if (year is null)
        {
            year = SchoolYear.For(startYear);
            db.SchoolYears.Add(year);
        }

        year.ScanOpensOn = opens;
        year.ScanClosesOn = closes;
        await db.SaveChangesAsync();

        var row = await db.ScanFrameworks.SingleOrDefaultAsync(f => f.SchoolYearId == year.Id);
        if (row is null)
        {
            db.ScanFrameworks.Add(new ScanFramework { SchoolYearId = year.Id, DefinitionJson = framework.ToJson(), Version = 1 });
        }
        else
        {
            row.DefinitionJson = framework.ToJson();
            row.Version++;
        }

        await db.SaveChangesAsync();
        return year;
    }
}
