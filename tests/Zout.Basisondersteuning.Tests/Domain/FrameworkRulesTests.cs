using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Frameworks;

namespace Zout.Basisondersteuning.Tests.Domain;

public sealed class FrameworkRulesTests
{
    private static FrameworkProblem Single(FrameworkDefinition framework) => Assert.Single(FrameworkRules.Check(framework));

    [Fact]
    public void Check_DefaultFramework_HasNoProblems() => Assert.Empty(FrameworkRules.Check(DefaultFramework.Create()));

    [Fact]
    public void Check_TestFramework_HasNoProblems() => Assert.Empty(FrameworkRules.Check(TestData.SmallFramework()));

    [Theory]
    [InlineData("docs/framework-format.md")]
    [InlineData("docs/examples/kader-25-afspraken.json")]
    public void Check_DocumentedExamples_ReadStrictlyAndHaveNoProblems(string path)
    {
        var text = File.ReadAllText(TestFiles.Repository(path));
        if (path.EndsWith(".md", StringComparison.Ordinal))
        {
            var start = text.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
            text = text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
        }

        var (definition, problem) = ImportFramework.Parse(text);
        Assert.Null(problem);
        Assert.Empty(FrameworkRules.Check(definition!));
    }

    [Fact]
    public void Check_DefaultFrameworkAfterJsonRoundTrip_HasNoProblemsAndSameJson()
    {
        var json = DefaultFramework.Create().ToJson();
        var again = FrameworkDefinition.FromJson(json);
        Assert.Empty(FrameworkRules.Check(again));
        Assert.Equal(json, again.ToJson());
        Assert.DoesNotContain("minLevel", json, StringComparison.Ordinal);
        Assert.DoesNotContain("offeringItems", json, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultFramework_HasTheDomainShape()
    {
        var f = DefaultFramework.Create();
        Assert.Equal([1, 2, 3, 4], f.Levels.Select(l => l.Value));
        Assert.Equal("Sterk en geborgd, kan anderen ondersteunen", f.Levels[3].Label);
        Assert.Equal(["expertise", "aanbod", "facilitair", "beleid", "borging"], f.Aspects.Select(a => a.Key));
        Assert.All(f.Aspects, a => Assert.Equal([1, 2, 3, 4], a.LevelDescriptions.Select(d => d.Level)));
        Assert.Equal(11, f.Domains.Count);
        Assert.All(f.Domains, d => Assert.InRange(d.Examples.Count, 2, 4));
        Assert.Equal(5, f.ChangeCapacity.Count);
        Assert.InRange(f.Agreements.Count, 14, 16);
        Assert.All(f.Agreements.Where(a => a.Category == "Handelingsgericht werken"), a => Assert.False(a.ShowScoreInSop));
        Assert.All(f.Agreements.Where(a => a.Category != "Handelingsgericht werken"), a => Assert.True(a.ShowScoreInSop));
        Assert.Contains(f.Agreements, a => a.Text == "De school heeft een protocol dyslexie en ons team handelt hiernaar.");
        Assert.Equal([OfferingKind.Expertise, OfferingKind.Intervention, OfferingKind.Facility, OfferingKind.Partner], f.OfferingGroups.Select(g => g.Kind));
        Assert.All(f.OfferingGroups[0].Items, i => Assert.Equal("dagdelen per week", i.QuantityUnit));
        Assert.Equal(["context", "visie", "ondersteuningsstructuur", "grenzen", "ambities"], f.OpenQuestions.Select(q => q.Key));
        Assert.All(f.OpenQuestions, q => Assert.True(q.InSop));
        Assert.Equal(140m, f.AmountPerPupil);
        Assert.All(f.KeyFigures, k => Assert.False(k.Required));
    }

    [Fact]
    public void Check_DuplicateDomainKey_NamesPlaceAndKey()
    {
        var f = TestData.SmallFramework();
        f.Domains.Add(new DomainDefinition { Key = "rekenen", Name = "Rekenen opnieuw" });
        var problem = Single(f);
        Assert.Equal("domains[2].key", problem.Place);
        Assert.Equal("De sleutel 'rekenen' komt twee keer voor (ook bij domains[1]).", problem.Problem);
    }

    [Fact]
    public void Check_OfferingItemKeyInTwoGroups_IsADuplicate()
    {
        var f = TestData.SmallFramework();
        f.OfferingGroups[1].Items.Add(new OfferingItemDefinition { Key = "dyslexiespecialist", Name = "Dyslexiespecialist (extern)" });
        var problem = Single(f);
        Assert.Equal("offeringGroups[1].items[2].key", problem.Place);
        Assert.Contains("'dyslexiespecialist' komt twee keer voor in het aanbod (ook bij offeringGroups[0].items[0])", problem.Problem);
    }

    [Fact]
    public void Check_SameKeyInDifferentLists_IsAllowed()
    {
        var f = TestData.SmallFramework();
        // "expertise" is an aspect key and an offering group key in the test framework already.
        Assert.Contains(f.Aspects, a => a.Key == "expertise");
        Assert.Contains(f.OfferingGroups, g => g.Key == "expertise");
        Assert.Empty(FrameworkRules.Check(f));
    }

    [Theory]
    [InlineData("Taal")]
    [InlineData("taal lezen")]
    [InlineData("taal_lezen")]
    [InlineData("-taal")]
    [InlineData("taal-")]
    [InlineData("taal--lezen")]
    [InlineData("d:taal")]
    [InlineData("café")]
    public void Check_KeyThatIsNoSlug_IsRefused(string key)
    {
        var f = TestData.SmallFramework();
        f.Domains[0].Key = key;
        var problem = Single(f);
        Assert.Equal("domains[0].key", problem.Place);
        Assert.Contains($"De sleutel '{key}' is ongeldig", problem.Problem);
    }

    [Fact]
    public void Check_MissingAndTooLongKeys_AreRefused()
    {
        var f = TestData.SmallFramework();
        f.ChangeCapacity[0].Key = "";
        f.FinanceCategories[0].Key = new string('a', FrameworkRules.MaxKeyLength + 1);
        var problems = FrameworkRules.Check(f);
        Assert.Contains(new FrameworkProblem("changeCapacity[0].key", "De sleutel ontbreekt."), problems);
        Assert.Contains(problems, p => p.Place == "financeCategories[0].key" && p.Problem.Contains("te lang", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_UnsupportedFormatVersionAndEmptyName_AreRefused()
    {
        var f = TestData.SmallFramework();
        f.FormatVersion = 2;
        f.Name = " ";
        var problems = FrameworkRules.Check(f);
        Assert.Equal(["formatVersion", "name"], problems.Select(p => p.Place));
        Assert.Contains("Formaatversie 2 wordt niet ondersteund", problems[0].Problem);
    }

    [Fact]
    public void Check_OneLevel_IsTooFew()
    {
        var f = TestData.SmallFramework();
        f.Levels.RemoveRange(1, 3);
        f.Aspects[0].LevelDescriptions.Clear();
        f.Rules.RequiredAtOrBelowLevel = 1;
        var problem = Single(f);
        Assert.Equal("levels", problem.Place);
        Assert.Contains("minstens 2 niveaus", problem.Problem);
    }

    [Fact]
    public void Check_DuplicateLevelValue_IsRefused()
    {
        var f = TestData.SmallFramework();
        f.Levels[3].Value = 3;
        f.Aspects[0].LevelDescriptions.Clear();
        var problem = Single(f);
        Assert.Equal("levels[3].value", problem.Place);
        Assert.Contains("Niveau 3 komt twee keer voor", problem.Problem);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 4, 5 }, "levels[2].value")]
    [InlineData(new[] { 2, 1, 3, 4 }, "levels[1].value")]
    public void Check_LevelsWithGapOrOutOfOrder_AreRefused(int[] values, string place)
    {
        var f = TestData.SmallFramework();
        for (var i = 0; i < values.Length; i++) f.Levels[i].Value = values[i];
        f.Aspects[0].LevelDescriptions.Clear();
        var problem = Assert.Single(FrameworkRules.Check(f), p => p.Place.StartsWith("levels", StringComparison.Ordinal));
        Assert.Equal(place, problem.Place);
        Assert.Contains("zonder gaten", problem.Problem);
    }

    [Fact]
    public void Check_LevelWithoutLabel_IsRefused()
    {
        var f = TestData.SmallFramework();
        f.Levels[1].Label = "";
        Assert.Equal(new FrameworkProblem("levels[1].label", "De naam van niveau 2 ontbreekt."), Single(f));
    }

    [Fact]
    public void Check_NoAspectsAndNoDomains_AreRefused()
    {
        var f = TestData.SmallFramework();
        f.Aspects.Clear();
        f.Domains.Clear();
        Assert.Equal(["aspects", "domains"], FrameworkRules.Check(f).Select(p => p.Place));
    }

    [Fact]
    public void Check_LevelDescriptionOfUnknownOrDoubleLevel_IsRefused()
    {
        var f = TestData.SmallFramework();
        f.Aspects[0].LevelDescriptions.Add(new LevelDescription { Level = 5, Text = "Nog beter." });
        f.Aspects[0].LevelDescriptions.Add(new LevelDescription { Level = 4, Text = "Nog eens." });
        var problems = FrameworkRules.Check(f);
        Assert.Equal(2, problems.Count);
        Assert.Equal(new FrameworkProblem("aspects[0].levelDescriptions[1].level", "Niveau 5 bestaat niet in de niveauschaal (1 t/m 4)."), problems[0]);
        Assert.Equal("aspects[0].levelDescriptions[2].level", problems[1].Place);
    }

    [Fact]
    public void Check_AgreementNumbers_MustBePositiveAndUnique()
    {
        var f = TestData.SmallFramework();
        f.Agreements[0].Number = 0;
        f.Agreements.Add(new AgreementDefinition { Number = 2, Key = "drie", Text = "Nog een afspraak." });
        var problems = FrameworkRules.Check(f);
        Assert.Equal(["agreements[0].number", "agreements[2].number"], problems.Select(p => p.Place));
        Assert.Contains("groter dan 0", problems[0].Problem);
        Assert.Contains("Afspraak nummer 2 komt twee keer voor", problems[1].Problem);
    }

    [Fact]
    public void Check_NegativeAmountAndRulesOutsideTheScale_AreRefused()
    {
        var f = TestData.SmallFramework();
        f.AmountPerPupil = -1;
        f.Rules.RequiredAtOrBelowLevel = 5;
        f.Rules.MaxLength = 10;
        f.OpenQuestions[0].MaxLength = 1_000_000;
        var problems = FrameworkRules.Check(f);
        Assert.Equal(["openQuestions[0].maxLength", "amountPerPupil", "rules.requiredAtOrBelowLevel", "rules.maxLength"], problems.Select(p => p.Place));
        Assert.Contains("niet negatief", problems[1].Problem);
        Assert.Contains("buiten de niveauschaal (1 t/m 4)", problems[2].Problem);
    }

    [Fact]
    public void Check_TooLongTextAndEmptyExample_AreRefused()
    {
        var f = TestData.SmallFramework();
        f.Domains[1].Name = new string('x', FrameworkRules.MaxNameLength + 1);
        f.Domains[0].Examples.Add(" ");
        var problems = FrameworkRules.Check(f);
        Assert.Contains(new FrameworkProblem("domains[1].name", $"De tekst is te lang: {FrameworkRules.MaxNameLength + 1} tekens, maximaal {FrameworkRules.MaxNameLength}."), problems);
        Assert.Contains(new FrameworkProblem("domains[0].examples[1]", "Dit voorbeeld is leeg."), problems);
    }

    [Fact]
    public void Check_UnknownOfferingKind_IsRefused()
    {
        var f = TestData.SmallFramework();
        f.OfferingGroups[0].Kind = (OfferingKind)42;
        Assert.Equal("offeringGroups[0].kind", Single(f).Place);
    }

    [Fact]
    public void Check_NullsFromAJsonDocument_AreProblemsNotExceptions()
    {
        var f = FrameworkDefinition.FromJson("""
            { "name": "Kader", "levels": [ {"value": 1, "label": "Laag"}, {"value": 2, "label": "Hoog"}, null ],
              "aspects": [ {"key": "expertise", "name": null, "levelDescriptions": null} ],
              "domains": null, "agreements": [ {"number": 1, "key": null, "text": "Afspraak"} ], "rules": null }
            """);
        var places = FrameworkRules.Check(f).Select(p => p.Place).ToList();
        Assert.Equal(["levels[2]", "aspects[0].name", "aspects[0].levelDescriptions", "domains", "agreements[0].key", "rules"], places);
    }
}
