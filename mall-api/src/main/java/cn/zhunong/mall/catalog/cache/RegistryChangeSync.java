package cn.zhunong.mall.catalog.cache;

import cn.zhunong.mall.catalog.CatalogChanges;
import cn.zhunong.mall.catalog.product.CatalogProductMapper;
import cn.zhunong.mall.registry.village.Village;
import cn.zhunong.mall.registry.village.VillageMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings listings in step with registry changes they show: a village's name, county, flags or
 * agency (search text, detail, scoping), and a household's consent or public alias (detail).
 */
@Component
public class RegistryChangeSync {

    private final CatalogProductMapper products;
    private final VillageMapper villages;
    private final CatalogChanges changes;

    public RegistryChangeSync(CatalogProductMapper products, VillageMapper villages, CatalogChanges changes) {
        this.products = products;
        this.villages = villages;
        this.changes = changes;
    }

    @Transactional
    public void villageChanged(long villageId) {
        Village village = villages.selectById(villageId);
        if (village == null) {
            return;
        }
        products.syncAgency(villageId, village.getAgencyId());
        changes.searchableChanged(products.idsOfVillage(villageId));
    }

    @Transactional
    public void householdChanged(long householdId) {
        changes.shownChanged(products.idsShowingHousehold(householdId));
    }
}
