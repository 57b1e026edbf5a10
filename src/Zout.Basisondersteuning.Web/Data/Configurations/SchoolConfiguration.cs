using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zout.Basisondersteuning.Web.Domain;

namespace Zout.Basisondersteuning.Web.Data.Configurations;

public sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public const string LocationCodeIndex = "IX_Schools_LocationCode";

    public void Configure(EntityTypeBuilder<School> builder)
    {
        builder.Property(s => s.LocationCode).HasMaxLength(School.LocationCodeLength).IsFixedLength();
        builder.HasIndex(s => s.LocationCode).IsUnique().HasDatabaseName(LocationCodeIndex);
        builder.Property(s => s.Brin).HasMaxLength(School.BrinLength).IsFixedLength();
        builder.HasIndex(s => s.Brin);
        builder.Property(s => s.Name).HasMaxLength(School.NameMaxLength);
        builder.HasIndex(s => s.Name);
        builder.Property(s => s.Street).HasMaxLength(School.ShortTextMaxLength);
        builder.Property(s => s.HouseNumber).HasMaxLength(20);
        builder.Property(s => s.PostalCode).HasMaxLength(10);
        builder.Property(s => s.City).HasMaxLength(School.ShortTextMaxLength);
        builder.Property(s => s.MunicipalityCode).HasMaxLength(10);
        builder.Property(s => s.Municipality).HasMaxLength(School.ShortTextMaxLength);
        builder.Property(s => s.Denomination).HasMaxLength(School.ShortTextMaxLength);
        builder.Property(s => s.Phone).HasMaxLength(30);
        builder.Property(s => s.Website).HasMaxLength(School.WebsiteMaxLength);
        builder.Property(s => s.InspectionJudgement).HasConversion<int?>();
        builder.Property(s => s.InspectionReportUrl).HasMaxLength(School.InspectionReportUrlMaxLength);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        // Two admins never silently overwrite each other's edit.
        builder.Property(s => s.UpdatedAt).IsConcurrencyToken();
        builder.Ignore(s => s.Address);

        builder.HasOne(s => s.Board).WithMany(b => b.Schools).HasForeignKey(s => s.BoardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Region).WithMany(r => r.Schools).HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(s => s.ContactPerson).WithMany().HasForeignKey(s => s.ContactPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}
