using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Tests.Domain;

public sealed class SectionKindDescriptorTests
{
    private static FrameworkDefinition Framework()
    {
        var framework = DefaultFramework.Create();
        framework.Rules.MaxLength = 800;
        framework.Agreements = [new() { Number = 1, Key = "protocol-dyslexie", Text = "De school heeft een protocol dyslexie." }];
        framework.OpenQuestions = [new() { Key = "visie", Title = "Visie", MaxLength = 2000 }, new() { Key = "ambities", Title = "Ambities", Required = false }];
        framework.FinanceCategories = [new() { Key = "scholing", Name = "Scholing" }, new() { Key = "materialen", Name = "Materialen" }];
        framework.KeyFigures = [new() { Key = "thuiszitters", Name = "Aantal thuiszitters", Required = true }, new() { Key = "opp", Name = "OPP's" }];
        framework.OfferingGroups =
        [
            new()
            {
                Key = "expertise", Name = "Expertise",
                Items = [new() { Key = "dyslexie", Name = "Dyslexiespecialist", QuantityUnit = "fte", AsksNote = true }, new() { Key = "lift", Name = "Lift" }],
            },
        ];
        return framework;
    }

    private static SectionDefinition Section(FrameworkDefinition framework, SectionKind kind) => ScanLayout.Sections(framework).First(s => s.Kind == kind);

    private static ItemFields Fields(FrameworkDefinition framework, ItemKey key) => SectionKindDescriptor.For(key.Kind).Fields(framework, key);

    [Fact]
    public void For_GivesEveryKindItsOwnDescriptor()
    {
        foreach (var kind in Enum.GetValues<SectionKind>()) Assert.Equal(kind, SectionKindDescriptor.For(kind).Kind);
        Assert.Equal(Enum.GetValues<SectionKind>().Length, SectionKindDescriptor.All.Count);
    }

    [Fact]
    public void Cell_HasLevelTargetAndAnExplanationUnderTheFrameworksRule()
    {
        var framework = Framework();
        var fields = Fields(framework, ItemKey.Cell("rekenen", "expertise"));

        Assert.True(fields.Level);
        Assert.True(fields.TargetLevel);
        Assert.True(fields.ExplanationRule);
        Assert.Equal(new TextField(800, "De toelichting"), fields.Text);
        Assert.Null(fields.Number);
        Assert.False(fields.Checked);
        Assert.Equal(ItemField.Level, fields.Required?.Field);
        Assert.Equal(framework.AspectName("expertise"), fields.Name);
    }

    [Theory]
    [InlineData(SectionKind.ChangeCapacity)]
    [InlineData(SectionKind.Agreements)]
    public void Statement_HasALevelAndANoteButNoTarget(SectionKind kind)
    {
        var framework = Framework();
        var section = Section(framework, kind);
        var fields = section.Descriptor.Fields(framework, section.Descriptor.Items(framework, section)[0]);

        Assert.True(fields.Level);
        Assert.False(fields.TargetLevel);
        Assert.Equal(SectionKindDescriptor.NoteMaxLength, fields.Text?.MaxLength);
        Assert.Null(fields.Number);
        Assert.NotNull(fields.Required?.MissingMany);
    }

    [Fact]
    public void OfferingItem_IsTickedWithANoteAndQuantityOnlyWhereTheFrameworkAsks()
    {
        var framework = Framework();
        var specialist = Fields(framework, ItemKey.Offering("dyslexie"));
        var lift = Fields(framework, ItemKey.Offering("lift"));

        Assert.True(specialist.Checked);
        Assert.True(specialist.DetailsOnlyWhenChecked);
        Assert.Equal(NumberKind.Count, specialist.Number);
        Assert.Equal(SectionKindDescriptor.NoteMaxLength, specialist.Text?.MaxLength);
        Assert.True(lift.Checked);
        Assert.Null(lift.Number);
        Assert.Null(lift.Text);
        Assert.False(lift.Level);
        Assert.Null(lift.Required);
    }

    [Fact]
    public void OpenQuestion_HasItsOwnMaximumAndIsRequiredWhenTheFrameworkSaysSo()
    {
        var framework = Framework();
        var vision = Fields(framework, ItemKey.Question("visie"));
        var ambitions = Fields(framework, ItemKey.Question("ambities"));

        Assert.Equal(new TextField(2000, "Het antwoord"), vision.Text);
        Assert.Equal(ItemField.Text, vision.Required?.Field);
        Assert.Null(ambitions.Required);
        Assert.False(vision.Level);
    }

    [Fact]
    public void Finances_CategoriesHaveAnAmountAndTheEvaluationHasText()
    {
        var framework = Framework();
        var category = Fields(framework, ItemKey.Finance("scholing"));
        var evaluation = Fields(framework, ItemKey.FinanceEvaluation);

        Assert.Equal(NumberKind.Amount, category.Number);
        Assert.Null(category.Text);
        Assert.Null(evaluation.Number);
        Assert.Equal(new TextField(SectionKindDescriptor.EvaluationMaxLength, "De evaluatie"), evaluation.Text);
    }

    [Fact]
    public void KeyFigure_HasACountAndIsRequiredWhenTheFrameworkSaysSo()
    {
        var framework = Framework();

        Assert.Equal(NumberKind.Count, Fields(framework, ItemKey.KeyFigure("thuiszitters")).Number);
        Assert.Equal(ItemField.Number, Fields(framework, ItemKey.KeyFigure("thuiszitters")).Required?.Field);
        Assert.Null(Fields(framework, ItemKey.KeyFigure("opp")).Required);
        Assert.Null(Fields(framework, ItemKey.KeyFigure("thuiszitters")).Text);
    }

    [Fact]
    public void Fields_OfAKeyOfAnotherKindOrNoKeyAtAll_AreNone()
    {
        var framework = Framework();

        Assert.Same(ItemFields.None, SectionKindDescriptor.For(SectionKind.Offering).Fields(framework, ItemKey.Question("visie")));
        Assert.Same(ItemFields.None, SectionKindDescriptor.For(SectionKind.Offering).Fields(framework, "not a key"));
        Assert.Same(ItemFields.None, SectionKindDescriptor.FieldsOf(framework, "d:only-a-domain"));
        Assert.True(SectionKindDescriptor.FieldsOf(framework, "o:lift").Checked);
    }

    [Fact]
    public void Items_AreTheAnswerKeysOfTheSectionInFormOrder()
    {
        var framework = Framework();

        Assert.Equal(["f:scholing", "f:materialen", "f:evaluation"], ScanLayout.ItemKeys(framework, Section(framework, SectionKind.Finances)));
        Assert.Equal(["o:dyslexie", "o:lift"], ScanLayout.ItemKeys(framework, Section(framework, SectionKind.Offering)));
    }

    [Fact]
    public void Completeness_CountsOpenCategoriesBeforeTheMissingEvaluation()
    {
        var framework = Framework();
        var answers = new Dictionary<string, ScanAnswer> { ["f:scholing"] = new() { ItemKey = "f:scholing", Number = 100 } };

        var check = SectionCompleteness.Evaluate(framework, Section(framework, SectionKind.Finances), answers, saved: true);

        Assert.Equal(["1 uitgavenpost zonder bedrag", "Evaluatie: wat is bereikt, ontbreekt"], check.Missing);
    }

    [Fact]
    public void Completeness_OfADomain_AsksALevelAndTheExplanationTheRuleWants()
    {
        var framework = Framework();
        var section = Section(framework, SectionKind.Domain);
        var aspects = framework.Aspects;
        var answers = aspects.Skip(2).ToDictionary(a => ItemKey.Cell(section.Domain!.Key, a.Key).ToString(), a => new ScanAnswer { Level = 3 });
        answers[ItemKey.Cell(section.Domain!.Key, aspects[1].Key)] = new ScanAnswer { Level = 1 };

        var check = SectionCompleteness.Evaluate(framework, section, answers, saved: true);

        Assert.Equal([$"{aspects[0].Name}: kies een niveau", $"{aspects[1].Name}: toelichting ontbreekt"], check.Missing);
    }

    [Fact]
    public void Completeness_OfTheOffering_AsksToSaveOnce()
    {
        var framework = Framework();
        var section = Section(framework, SectionKind.Offering);

        Assert.Equal(["Geef aan wat de school aanbiedt en sla op"], SectionCompleteness.Evaluate(framework, section, new Dictionary<string, ScanAnswer>(), saved: false).Missing);
        Assert.True(SectionCompleteness.Evaluate(framework, section, new Dictionary<string, ScanAnswer>(), saved: true).IsComplete);
    }

    [Fact]
    public void Completeness_OfKeyFigures_AsksForTheRequiredOnesAndThenToSaveOnce()
    {
        var framework = Framework();
        var section = Section(framework, SectionKind.KeyFigures);
        var filled = new Dictionary<string, ScanAnswer> { ["k:thuiszitters"] = new() { Number = 0 } };

        Assert.Equal(["Aantal thuiszitters: nog niet ingevuld"], SectionCompleteness.Evaluate(framework, section, new Dictionary<string, ScanAnswer>(), saved: false).Missing);
        Assert.Equal(["Controleer de kengetallen en sla op"], SectionCompleteness.Evaluate(framework, section, filled, saved: false).Missing);
        Assert.True(SectionCompleteness.Evaluate(framework, section, filled, saved: true).IsComplete);
    }
}
