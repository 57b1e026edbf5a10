using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Tests.Domain;

public sealed class ItemKeyTests
{
    public static TheoryData<string, SectionKind, string, string?> StoredKeys => new()
    {
        { "d:taal-lezen:expertise", SectionKind.Domain, "taal-lezen", "expertise" },
        { "cc:gedeelde-visie", SectionKind.ChangeCapacity, "gedeelde-visie", null },
        { "a:protocol-dyslexie", SectionKind.Agreements, "protocol-dyslexie", null },
        { "o:lift", SectionKind.Offering, "lift", null },
        { "q:grenzen", SectionKind.OpenQuestions, "grenzen", null },
        { "f:onderwijsassistent", SectionKind.Finances, "onderwijsassistent", null },
        { "f:evaluation", SectionKind.Finances, "evaluation", null },
        { "k:thuiszitters", SectionKind.KeyFigures, "thuiszitters", null },
    };

    [Theory]
    [MemberData(nameof(StoredKeys))]
    public void Parse_StoredKey_ReadsItsPartsAndWritesItBackUnchanged(string text, SectionKind kind, string key, string? aspect)
    {
        var parsed = ItemKey.Parse(text);

        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(key, parsed.Key);
        Assert.Equal(aspect, parsed.Aspect);
        Assert.Equal(text, parsed.ToString());
        string asText = parsed;
        Assert.Equal(text, asText);
    }

    [Fact]
    public void Factories_WriteTheStoredFormat()
    {
        Assert.Equal("d:rekenen:beleid", ItemKey.Cell("rekenen", "beleid").ToString());
        Assert.Equal("cc:leiderschap", ItemKey.ChangeCapacity("leiderschap").ToString());
        Assert.Equal("a:1", ItemKey.Agreement("1").ToString());
        Assert.Equal("o:lift", ItemKey.Offering("lift").ToString());
        Assert.Equal("q:visie", ItemKey.Question("visie").ToString());
        Assert.Equal("f:scholing", ItemKey.Finance("scholing").ToString());
        Assert.Equal("f:evaluation", ItemKey.FinanceEvaluation.ToString());
        Assert.Equal("k:thuiszitters", ItemKey.KeyFigure("thuiszitters").ToString());
    }

    [Fact]
    public void PrefixConstants_AreHowTheKeysOfTheirKindStart()
    {
        Assert.StartsWith(ItemKey.DomainPrefix, ItemKey.Cell("taal", "aanbod").ToString(), StringComparison.Ordinal);
        Assert.StartsWith(ItemKey.ChangeCapacityPrefix, ItemKey.ChangeCapacity("x").ToString(), StringComparison.Ordinal);
        Assert.StartsWith(ItemKey.AgreementPrefix, ItemKey.Agreement("x").ToString(), StringComparison.Ordinal);
        Assert.StartsWith(ItemKey.OfferingPrefix, ItemKey.Offering("x").ToString(), StringComparison.Ordinal);
        Assert.StartsWith(ItemKey.QuestionPrefix, ItemKey.Question("x").ToString(), StringComparison.Ordinal);
        Assert.StartsWith(ItemKey.FinancePrefix, ItemKey.Finance("x").ToString(), StringComparison.Ordinal);
        Assert.StartsWith(ItemKey.KeyFigurePrefix, ItemKey.KeyFigure("x").ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("taal")]
    [InlineData(":taal")]
    [InlineData("d:taal")]
    [InlineData("d::expertise")]
    [InlineData("d:taal:")]
    [InlineData("d:taal:expertise:extra")]
    [InlineData("cc:")]
    [InlineData("cc:a:b")]
    [InlineData("x:lift")]
    [InlineData("cc")]
    public void TryParse_SomethingElse_IsNoKey(string? text)
    {
        Assert.False(ItemKey.TryParse(text, out _));
        if (text is not null) Assert.Throws<FormatException>(() => ItemKey.Parse(text));
    }

    [Fact]
    public void FinanceEvaluation_IsTheFinancesOwnItem()
    {
        Assert.True(ItemKey.Parse("f:evaluation").IsFinanceEvaluation);
        Assert.False(ItemKey.Finance("scholing").IsFinanceEvaluation);
        Assert.Equal(ItemKey.FinanceEvaluation, ItemKey.Parse("f:evaluation"));
    }

    [Fact]
    public void SectionKey_IsTheKeyOfTheSectionThatHoldsTheItem()
    {
        var framework = DefaultFramework.Create();
        foreach (var section in ScanLayout.Sections(framework))
        {
            Assert.Equal(section.Key, ItemKey.SectionKeyOf(section.Kind, section.Domain?.Key));
            Assert.All(section.Descriptor.Items(framework, section), item => Assert.Equal(section.Key, item.SectionKey));
        }

        Assert.Equal("d:rekenen", ItemKey.Cell("rekenen", "expertise").SectionKey);
        Assert.Equal("cc", ItemKey.ChangeCapacity("x").SectionKey);
        Assert.Equal("f", ItemKey.FinanceEvaluation.SectionKey);
    }
}
