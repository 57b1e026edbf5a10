using System.Text.RegularExpressions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Scans.Templates;
using Zout.Basisondersteuning.Web.Features.Frameworks;
using Zout.Basisondersteuning.Web.Features.Scans;

namespace Zout.Basisondersteuning.Tests.Domain;

/// <summary>The starting frameworks in Domain/Scans/Templates: valid, stable through export and import, faithful to their seeds.</summary>
public sealed partial class FrameworkTemplateTests
{
    private const string TemplateFolder = "src/Zout.Basisondersteuning.Web/Domain/Scans/Templates";

    public static TheoryData<string> TemplateIds() => new(FrameworkTemplates.All.Select(t => t.Id));

    private static FrameworkTemplate Template(string id) => FrameworkTemplates.Find(id) ?? throw new ArgumentException(id);

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void Template_ReadsStrictlyAsAnImport_AndPassesTheRules(string id)
    {
        var (definition, problem) = ImportFramework.Parse(FrameworkTemplates.Json(Template(id)));
        Assert.Null(problem);
        Assert.Empty(FrameworkRules.Check(definition!));
        Assert.True(definition!.Domains.Count > 0 && definition.Aspects.Count > 0);
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void Template_RoundTripsThroughExportAndImportUnchanged(string id)
    {
        var exported = FrameworkTemplates.Load(Template(id)).ToJson();
        var (imported, problem) = ImportFramework.Parse(exported);
        Assert.Null(problem);
        Assert.Equal(exported, imported!.ToJson());
        // The file is written the way the portal exports it, so a year started from it exports the file itself.
        Assert.Equal(FrameworkTemplates.Json(Template(id)).TrimEnd('\n'), exported);
    }

    /// <summary>Every SOP describes the school's context and pupil population: an open question of every template, in the SOP.</summary>
    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void Template_AsksForTheSchoolsContextAndPupilPopulation_ForTheSop(string id)
    {
        var template = FrameworkTemplates.Load(Template(id));
        var context = template.OpenQuestions.ByKey(OpenQuestionKeys.Context);
        Assert.NotNull(context);
        Assert.Equal("Context en leerlingpopulatie", context.Title);
        Assert.True(context.InSop);
        Assert.True(context.Required);
        Assert.Superset(OpenQuestionKeys.PlacedInSop.ToHashSet(), template.OpenQuestions.Select(q => q.Key).ToHashSet());
    }

    [Fact]
    public void Catalogue_HasEveryTemplateFile_WithUniqueIdsAndDutchTexts()
    {
        var files = Directory.GetFiles(Path.GetDirectoryName(TestFiles.Repository($"{TemplateFolder}/{FrameworkTemplates.DefaultId}.json"))!, "*.json")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, FrameworkTemplates.All.Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.True(FrameworkTemplates.All.Count >= 3);
        Assert.All(FrameworkTemplates.All, t =>
        {
            Assert.True(FrameworkRules.IsValidKey(t.Id), t.Id);
            Assert.False(string.IsNullOrWhiteSpace(t.Title));
            Assert.False(string.IsNullOrWhiteSpace(t.Description));
        });
        Assert.Same(FrameworkTemplates.Default, FrameworkTemplates.Find(FrameworkTemplates.DefaultId));
        Assert.Null(FrameworkTemplates.Find("bestaat-niet"));
    }

    [Fact]
    public void Load_GivesAFreshCopyEachTime()
    {
        var first = FrameworkTemplates.Load(FrameworkTemplates.Default);
        first.Domains.Clear();
        Assert.NotEmpty(FrameworkTemplates.Load(FrameworkTemplates.Default).Domains);
    }

    [Fact]
    public void DomainsTimesAspects_IsTheDefault_WithVerandercapaciteit_AndKeepsThePreviousDefaultsKeys()
    {
        var template = FrameworkTemplates.Load(Template("domeinen-aspecten"));
        Assert.Equal(template.ToJson(), DefaultFramework.Create().ToJson());
        Assert.Equal(["expertise", "aanbod", "facilitair", "beleid", "borging"], template.Aspects.Select(a => a.Key));
        Assert.Equal(5, template.ChangeCapacity.Count);
        // The keys of the default before the templates: answers carry over to a year started from this template.
        string[] before =
        [
            "basiskwaliteit", "ondersteuningsstructuur", "handelingsgericht-werken", "taal-lezen", "rekenen", "meer-hoogbegaafdheid",
            "sociaal-emotioneel-gedrag", "fysiek-medisch", "jonge-kind", "samenwerking-ouders-ketenpartners",
        ];
        Assert.Equal(before, template.Domains.Select(d => d.Key).Where(k => k != "minder-intelligentie"));
        // Seed 001 names "meer of minder intelligentie"; the default had only the first.
        var minder = Assert.Single(template.Domains, d => d.Key == "minder-intelligentie");
        Assert.Equal("Ondersteuning bij minder intelligentie", minder.Name);
        Assert.Equal("meer-hoogbegaafdheid", template.Domains[template.Domains.IndexOf(minder) - 1].Key);
        Assert.All(template.Domains, d => Assert.Null(d.AspectLevelDescriptions));
    }

    [GeneratedRegex(@"^(\d+)\t(.+)$")]
    private static partial Regex SeedRow();

    /// <summary>The table of seed 002 as kept under tests/ (TestData/seed-002-afspraken.txt): number and text.</summary>
    private static List<(int Number, string Text)> SeedAgreements() =>
        File.ReadAllLines(TestFiles.Repository("tests/Zout.Basisondersteuning.Tests/TestData/seed-002-afspraken.txt"))
            .Select(line => SeedRow().Match(line))
            .Where(m => m.Success)
            .Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value))
            .ToList();

    [Fact]
    public void TwentyFiveAgreements_AreTheSeedsTextsVerbatim_InItsOrderWithItsNumbers()
    {
        var seed = SeedAgreements();
        Assert.Equal(25, seed.Count);
        var template = FrameworkTemplates.Load(Template("25-afspraken"));
        Assert.Equal(seed, template.Agreements.Select(a => (a.Number, a.Text)));
    }

    [Fact]
    public void TwentyFiveAgreements_HandelingsgerichtWerkenIsTerKennisgeving_TheRestWithTheScore()
    {
        var template = FrameworkTemplates.Load(Template("25-afspraken"));
        Assert.All(template.Agreements.Where(a => a.Number <= 16), a =>
        {
            Assert.False(a.ShowScoreInSop, $"Afspraak {a.Number}");
            Assert.Equal("Handelingsgericht werken", a.Category);
        });
        Assert.All(template.Agreements.Where(a => a.Number >= 17), a => Assert.True(a.ShowScoreInSop, $"Afspraak {a.Number}"));
    }

    [Fact]
    public void TwentyFiveAgreements_HasTheQuestionnairePartsOfTheSeed()
    {
        var template = FrameworkTemplates.Load(Template("25-afspraken"));
        // How support is organised, limits and ambitions (and the school's context and the vision every SOP opens with), all in the SOP.
        Assert.Equal(["context", "visie", "ondersteuningsstructuur", "grenzen", "ambities"], template.OpenQuestions.Select(q => q.Key));
        Assert.All(template.OpenQuestions, q => Assert.True(q.InSop));
        // The school's own offering, with the kernpartners: leerplicht, JGZ, buurtteams, and the partnership's consultant.
        Assert.Equal([OfferingKind.Expertise, OfferingKind.Intervention, OfferingKind.Facility, OfferingKind.Partner], template.OfferingGroups.Select(g => g.Kind));
        var partners = template.OfferingGroups.Single(g => g.Kind == OfferingKind.Partner).Items.Select(i => i.Key).ToList();
        Assert.Superset(new HashSet<string> { "leerplicht", "buurtteam", "jgz", "consultant-swv", "sociale-basis" }, partners.ToHashSet());
    }

    [Fact]
    public void FourFactors_HasTheFactorsAsDomains_AndHandelingsgerichtWerkenHasItsOwnLevelTexts()
    {
        var template = FrameworkTemplates.Load(Template("vier-factoren"));
        Assert.Equal(
            ["basiskwaliteit", "ondersteuningsstructuur", "handelingsgericht-werken", "leer-en-ontwikkelingsvragen", "fysiek-medisch", "sociaal-emotioneel-gedrag", "signalering"],
            template.Domains.Select(d => d.Key));
        Assert.Contains("basis toezichtkader van de Inspectie van het Onderwijs", template.Domains[0].Description, StringComparison.Ordinal);
        Assert.Contains("meer of minder intelligentie", template.Domains[3].Description, StringComparison.Ordinal);

        var hgw = template.Domains.Single(d => d.Key == "handelingsgericht-werken");
        Assert.Contains("professionele dialoog", hgw.Description, StringComparison.Ordinal);
        Assert.Equal(template.Aspects.Select(a => a.Key), hgw.AspectLevelDescriptions!.Select(o => o.Aspect));
        Assert.All(hgw.AspectLevelDescriptions!, o => Assert.Equal(template.Levels.Select(l => l.Value), o.LevelDescriptions.Select(d => d.Level)));
        Assert.All(template.Domains.Where(d => d != hgw), d => Assert.Null(d.AspectLevelDescriptions));

        var expertise = template.Aspects[0];
        Assert.NotEqual(expertise.DescriptionFor(3), hgw.DescriptionFor(expertise, 3));
        Assert.Equal(expertise.DescriptionFor(3), template.Domains[0].DescriptionFor(expertise, 3));
        // The handelingsgericht werken agreement is listed ter kennisgeving, like in the other templates.
        Assert.False(template.Agreements.Single(a => a.Key == "handelingsgericht-werken").ShowScoreInSop);
    }

    private static FrameworkDefinition WithOwnLevels(params AspectLevelDescriptions[] overrides)
    {
        var framework = TestData.SmallFramework();
        framework.Domains[0].AspectLevelDescriptions = [.. overrides];
        return framework;
    }

    private static AspectLevelDescriptions Own(string aspect, params (int Level, string Text)[] levels) =>
        new() { Aspect = aspect, LevelDescriptions = levels.Select(l => new LevelDescription { Level = l.Level, Text = l.Text }).ToList() };

    [Fact]
    public void DomainLevels_Valid_HaveNoProblems_AndRoundTrip()
    {
        var framework = WithOwnLevels(Own("expertise", (1, "Niemand kent de aanpak."), (4, "Wij leiden anderen op.")), Own("aanbod", (2, "Soms.")));
        Assert.Empty(FrameworkRules.Check(framework));
        var json = framework.ToJson();
        Assert.Contains("\"aspectLevelDescriptions\"", json, StringComparison.Ordinal);
        var (imported, problem) = ImportFramework.Parse(json);
        Assert.Null(problem);
        Assert.Equal(json, imported!.ToJson());
    }

    [Theory]
    [InlineData("beleid", 1, "Tekst", "domains[0].aspectLevelDescriptions[0].aspect", "Het aspect 'beleid' bestaat niet in dit kader (wel: expertise, aanbod).")]
    [InlineData("", 1, "Tekst", "domains[0].aspectLevelDescriptions[0].aspect", "Het aspect ontbreekt: vul de sleutel van een aspect in, zoals 'expertise'.")]
    [InlineData("expertise", 5, "Tekst", "domains[0].aspectLevelDescriptions[0].levelDescriptions[0].level", "Niveau 5 bestaat niet in de niveauschaal (1 t/m 4).")]
    [InlineData("expertise", 2, " ", "domains[0].aspectLevelDescriptions[0].levelDescriptions[0].text", "De beschrijving van niveau 2 ontbreekt.")]
    public void DomainLevels_Wrong_AreReportedAtTheirPlace(string aspect, int level, string text, string place, string message)
    {
        var problem = Assert.Single(FrameworkRules.Check(WithOwnLevels(Own(aspect, (level, text)))));
        Assert.Equal(new FrameworkProblem(place, message), problem);
    }

    [Fact]
    public void DomainLevels_SameAspectTwiceOrSameLevelTwice_AreReported()
    {
        var problems = FrameworkRules.Check(WithOwnLevels(Own("expertise", (1, "Een"), (1, "Nog een")), Own("expertise", (2, "Twee"))));
        Assert.Equal(
        [
            new FrameworkProblem("domains[0].aspectLevelDescriptions[0].levelDescriptions[1].level", "Voor niveau 1 staat al een beschrijving (bij levelDescriptions[0])."),
            new FrameworkProblem("domains[0].aspectLevelDescriptions[1].aspect", "Het aspect 'expertise' komt twee keer voor in dit domein (ook bij domains[0].aspectLevelDescriptions[0])."),
        ], problems);
    }

    [Fact]
    public void DomainLevels_NullsInTheDocument_AreProblemsNotCrashes()
    {
        const string json = """
            { "name": "Kader", "levels": [ { "value": 1, "label": "Laag" }, { "value": 2, "label": "Hoog" } ],
              "aspects": [ { "key": "expertise", "name": "Expertise" } ],
              "domains": [ { "key": "taal", "name": "Taal", "aspectLevelDescriptions": [ null, { "aspect": "expertise", "levelDescriptions": null } ] } ] }
            """;
        var (definition, problem) = ImportFramework.Parse(json);
        Assert.Null(problem);
        Assert.Equal(["domains[0].aspectLevelDescriptions[0]", "domains[0].aspectLevelDescriptions[1].levelDescriptions"],
            FrameworkRules.Check(definition!).Select(p => p.Place));
    }

    [Fact]
    public void DocumentWithoutDomainLevels_StaysValid_AndExportsWithoutTheField()
    {
        var json = File.ReadAllText(TestFiles.Repository("docs/examples/kader-25-afspraken.json"));
        var (definition, problem) = ImportFramework.Parse(json);
        Assert.Null(problem);
        Assert.Empty(FrameworkRules.Check(definition!));
        Assert.All(definition!.Domains, d => Assert.Null(d.AspectLevelDescriptions));
        var exported = definition.ToJson();
        Assert.DoesNotContain("aspectLevelDescriptions", exported, StringComparison.Ordinal);
        Assert.Equal(exported, ImportFramework.Parse(exported).Definition!.ToJson());
    }

    [Fact]
    public void LevelChoice_UsesTheDomainsText_ThenTheAspects_ThenTheLevels()
    {
        var framework = WithOwnLevels(Own("expertise", (1, "Eigen tekst van het domein.")));
        var expertise = framework.Aspects[0];
        framework.Levels[1].Description = "Tekst van het niveau.";
        var choice = new LevelChoice("n", "i", "Niveau", null, framework.Levels, expertise, Domain: framework.Domains[0]);
        Assert.Equal("Eigen tekst van het domein.", choice.Describe(1));
        Assert.Equal("Het team kan anderen ondersteunen.", choice.Describe(4));
        Assert.Equal("Tekst van het niveau.", choice.Describe(2));
        Assert.Equal("Het team kan anderen ondersteunen.", (choice with { Domain = framework.Domains[1] }).Describe(4));
        Assert.Null((choice with { Domain = framework.Domains[1] }).Describe(1));
    }
}
