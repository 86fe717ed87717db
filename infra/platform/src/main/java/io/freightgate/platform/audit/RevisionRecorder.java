package io.freightgate.platform.audit;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.Tenancy;
import io.freightgate.platform.web.RequestInfo;
import org.hibernate.envers.RevisionListener;

/** Fills each Envers revision from the running call's tenancy scope and request. */
public class RevisionRecorder implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        var revision = (Revision) revisionEntity;
        var request = RequestInfo.current();
        revision.record(
                Tenancy.currentActor(),
                Tenancy.currentTenant().map(TenantId::value).orElse(null),
                Tenancy.inSystemScope(),
                request.clientIp(),
                request.requestId());
    }
}
