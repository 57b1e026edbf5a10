using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zout.Basisondersteuning.Web.Domain.Documents;

namespace Zout.Basisondersteuning.Web.Data.Configurations;

public sealed class BulkJobConfiguration : IEntityTypeConfiguration<BulkJob>
{
    public const string OneActiveJobPerUserIndex = "IX_BulkJobs_ActiveUserId";

    public void Configure(EntityTypeBuilder<BulkJob> builder)
    {
        builder.Property(j => j.UserId).HasMaxLength(450);
        builder.Property(j => j.ActiveUserId).HasMaxLength(450);
        builder.Property(j => j.Document).HasMaxLength(64);
        builder.Property(j => j.Year).HasMaxLength(16);
        builder.Property(j => j.SchoolIds).HasMaxLength(BulkJob.SchoolIdsMaxLength);
        builder.Property(j => j.FileName).HasMaxLength(260);
        builder.Property(j => j.Message).HasMaxLength(1000);
        builder.Property(j => j.Status).HasConversion<int>();
        builder.HasIndex(j => j.ActiveUserId).IsUnique().HasDatabaseName(OneActiveJobPerUserIndex);
        builder.HasIndex(j => new { j.UserId, j.Id });
        builder.HasIndex(j => j.Status);
    }
}
