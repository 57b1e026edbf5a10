using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zout.Basisondersteuning.Web.Domain;

namespace Zout.Basisondersteuning.Web.Data.Configurations;

public sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Partnership.NameMaxLength);
        builder.Property(p => p.ShortName).HasMaxLength(Partnership.ShortNameMaxLength);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.Phone).HasMaxLength(30);
        builder.Property(p => p.Website).HasMaxLength(School.WebsiteMaxLength);
        builder.Property(p => p.Street).HasMaxLength(School.ShortTextMaxLength);
        builder.Property(p => p.PostalCode).HasMaxLength(10);
        builder.Property(p => p.City).HasMaxLength(School.ShortTextMaxLength);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
        // Two admins never silently overwrite each other's edit of the partnership's details.
        builder.Property(p => p.UpdatedAt).IsConcurrencyToken();
    }
}
