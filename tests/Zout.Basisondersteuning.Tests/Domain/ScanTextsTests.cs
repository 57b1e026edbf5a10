using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Tests.Domain;

public sealed class ScanTextsTests
{
    [Fact]
    public void DevelopmentPointStatus_Done_ReadsAfgerond() => Assert.Equal("Afgerond", DevelopmentPointStatus.Done.ToDutch());

    [Fact]
    public void ScanStatus_OfASchoolWithoutScan_ReadsNietBegonnen() => Assert.Equal("Niet begonnen", ((ScanStatus?)null).ToDutch());

    [Fact]
    public void EveryState_HasItsOwnWord()
    {
        AssertDistinct(Enum.GetValues<ScanStatus>().Select(s => s.ToDutch()));
        AssertDistinct(Enum.GetValues<SectionState>().Select(s => s.ToDutch()));
        AssertDistinct(Enum.GetValues<AnswerOrigin>().Select(s => s.ToDutch()));
        AssertDistinct(Enum.GetValues<MrAdviceOutcome>().Select(s => s.ToDutch()));
        AssertDistinct(Enum.GetValues<DevelopmentPointStatus>().Select(s => s.ToDutch()));
    }

    private static void AssertDistinct(IEnumerable<string> words)
    {
        var list = words.ToList();
        Assert.Equal(list.Count, list.Distinct(StringComparer.Ordinal).Count());
    }
}
