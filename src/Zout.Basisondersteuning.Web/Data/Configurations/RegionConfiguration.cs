using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zout.Basisondersteuning.Web.Domain;

namespace Zout.Basisondersteuning.Web.Data.Configurations;

public sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public const string NameIndex = "IX_Regions_Name";

    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(Region.NameMaxLength);
        builder.Property(r => r.Description).HasMaxLength(1000);
        builder.HasIndex(r => r.Name).IsUnique().HasDatabaseName(NameIndex);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);
        // Two admins never silently overwrite each other's edit.
        builder.Property(r => r.UpdatedAt).IsConcurrencyToken();
    }
}
