import type { sharedClientsEn } from './shared-clients.en.js';

/** Spanish strings of `<shared-clients>`; typed against the English keys. */
export const sharedClientsEs: Record<keyof typeof sharedClientsEn, string> = {
  'shared-clients.loading': 'Cargando clientes compartidos…',
  'shared-clients.updating': 'Actualizando clientes en común…',

  'shared-clients.not-permitted.title': 'Los clientes compartidos no están disponibles para usted',
  'shared-clients.not-permitted.body':
    'Solo los agentes hipotecarios y los agentes inmobiliarios asociados con ellos pueden ver los clientes en común.',
  'shared-clients.unavailable': 'Los clientes compartidos no están disponibles: este sistema no los ofrece.',

  'shared-clients.error.title': 'No se pudieron cargar los clientes compartidos',
  'shared-clients.error.list-title': 'No se pudieron cargar los clientes en común',
  'shared-clients.error.network': 'No se pudo contactar con el servidor. Compruebe su conexión e inténtelo de nuevo.',
  'shared-clients.error.timeout': 'El servidor tardó demasiado en responder. Inténtelo de nuevo.',
  'shared-clients.error.unauthorized': 'Su sesión ha terminado. Inicie sesión de nuevo y vuelva a intentarlo.',
  'shared-clients.error.forbidden': 'No tiene acceso a los clientes compartidos.',
  'shared-clients.error.not_found': 'No se encontró lo que buscaba. Es posible que se haya eliminado.',
  'shared-clients.error.rate_limited': 'Demasiadas solicitudes. Espere un momento y vuelva a intentarlo.',
  'shared-clients.error.contract': 'El servidor envió datos que no se pudieron leer.',
  'shared-clients.error.other': 'Algo salió mal. Inténtelo de nuevo.',
  'shared-clients.retry': 'Reintentar',

  'shared-clients.realtors.heading': 'Agentes inmobiliarios asociados',
  'shared-clients.realtors.intro':
    'Ve cuántos clientes tiene cada agente inmobiliario y nada más sobre ellos: los clientes de un agente inmobiliario son privados.',
  'shared-clients.realtors.column.realtor': 'Agente inmobiliario',
  'shared-clients.realtors.column.clients': 'Clientes',
  'shared-clients.realtors.total': 'Total',
  'shared-clients.empty.no-realtors': 'Todavía no tiene agentes inmobiliarios asociados.',
  'shared-clients.rule':
    'Un cliente está en común cuando el correo electrónico Y la dirección de su vivienda son iguales en ambas cuentas.',

  'shared-clients.clients.heading': 'Clientes en común',
  'shared-clients.clients.intro.mortgage-agent':
    'Clientes que están en su cuenta y en la de un agente inmobiliario asociado. Su suscripción se envía desde el agente inmobiliario y la suya está en pausa, así que nunca reciben dos.',
  'shared-clients.clients.intro.realtor':
    'Clientes que están en su cuenta y en la de su agente hipotecario. Su suscripción se envía desde usted y la del agente hipotecario está en pausa, así que nunca reciben dos.',
  'shared-clients.filter.label': 'Agente inmobiliario',
  'shared-clients.filter.all': 'Todos los agentes inmobiliarios',
  'shared-clients.empty.no-clients': 'Todavía no hay clientes en común.',
  'shared-clients.empty.no-clients-with': 'Todavía no hay clientes en común con {realtor}.',
  'shared-clients.count.one': '{count} cliente en común',
  'shared-clients.count.other': '{count} clientes en común',
  'shared-clients.count-with.one': '{count} cliente en común con {realtor}',
  'shared-clients.count-with.other': '{count} clientes en común con {realtor}',
  'shared-clients.withheld.one': '{count} registro retenido: no está en común.',
  'shared-clients.withheld.other': '{count} registros retenidos: no están en común.',

  'shared-clients.client.email': 'Correo electrónico',
  'shared-clients.client.address': 'Dirección de la vivienda',
  'shared-clients.client.no-address': 'Sin dirección de vivienda',
  'shared-clients.client.realtor': 'Agente inmobiliario',
  'shared-clients.client.mortgage-agent': 'Agente hipotecario',
  'shared-clients.client.subscription': 'Suscripción',
  'shared-clients.subscription.sent': 'Enviada desde el agente inmobiliario, {name}',
  'shared-clients.subscription.paused': 'En pausa desde el agente hipotecario, {name}',
  'shared-clients.subscription.not-paused':
    'Sin pausar desde el agente hipotecario, {name}: el cliente puede recibir dos suscripciones',

  'shared-clients.activity.toggle': 'Actividad ({count})',
  'shared-clients.activity.list': 'Actividad de {name}',
  'shared-clients.activity.empty': 'Todavía no hay actividad.',
  'shared-clients.activity.kind.mortgage-question': 'Consulta hipotecaria',
  'shared-clients.activity.kind.pre-approval': 'Preaprobación',
  'shared-clients.activity.kind.home-value': 'Valor de la vivienda',
  'shared-clients.activity.kind.property-search': 'Búsqueda de inmuebles',
  'shared-clients.activity.kind.report-opened': 'Informe abierto',
  'shared-clients.activity.kind.other': 'Otra',

  'shared-clients.shown': 'Se muestran {shown} de {total}',
  'shared-clients.show-more': 'Mostrar {count} más',
};
