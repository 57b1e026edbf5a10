using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zout.Basisondersteuning.Web.Domain;

namespace Zout.Basisondersteuning.Web.Data.Configurations;

public sealed class SchoolYearConfiguration : IEntityTypeConfiguration<SchoolYear>
{
    public const string StartYearIndex = "IX_SchoolYears_StartYear";

    public void Configure(EntityTypeBuilder<SchoolYear> builder)
    {
        builder.Property(y => y.Name).HasMaxLength(SchoolYear.NameLength);
        builder.HasIndex(y => y.StartYear).IsUnique().HasDatabaseName(StartYearIndex);
        builder.Property(y => y.CreatedBy).HasMaxLength(256);
        builder.Property(y => y.UpdatedBy).HasMaxLength(256);
    }
}
