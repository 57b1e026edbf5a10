using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zout.Basisondersteuning.Web.Domain.Dashboards;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Data.Configurations;

public sealed class ScanSummaryConfiguration : IEntityTypeConfiguration<ScanSummary>
{
    public const string StampIndex = "IX_ScanSummaries_Stamp";
    public const string YearIndex = "IX_ScanSummaries_SchoolYearId_SchoolId";

    public void Configure(EntityTypeBuilder<ScanSummary> builder)
    {
        builder.HasKey(s => s.ScanId);
        builder.Property(s => s.ScanId).ValueGeneratedNever();
        builder.HasOne<Scan>().WithOne().HasForeignKey<ScanSummary>(s => s.ScanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.Stamp).HasDatabaseName(StampIndex);
        builder.HasIndex(s => new { s.SchoolYearId, s.SchoolId }).HasDatabaseName(YearIndex);
        builder.Property(s => s.Levels).HasMaxLength(ScanSummary.LevelsMaxLength);
        builder.Property(s => s.Offering).HasMaxLength(ScanSummary.OfferingMaxLength);
        builder.Property(s => s.Finances).HasMaxLength(ScanSummary.FinancesMaxLength);
        builder.Property(s => s.Agreements).HasMaxLength(ScanSummary.ScoresMaxLength);
        builder.Property(s => s.ChangeCapacity).HasMaxLength(ScanSummary.ScoresMaxLength);
        builder.Property(s => s.KeyFigures).HasMaxLength(ScanSummary.KeyFiguresMaxLength);
    }
}

public sealed class ChangeCounterConfiguration : IEntityTypeConfiguration<ChangeCounter>
{
    public void Configure(EntityTypeBuilder<ChangeCounter> builder)
    {
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(ChangeCounter.NameMaxLength);
    }
}
