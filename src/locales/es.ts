import type { CoreMessages } from './types.js';

/** Spanish. Typed against the English keys: a missing or misspelt key is a type error. */
export const es: CoreMessages = {
  'status.label.pending-not-delivered': 'Pendiente - Correo no entregado',
  'status.label.pending-delivered': 'Pendiente - Correo entregado',
  'status.label.pending-opened': 'Pendiente - Correo abierto',
  'status.label.pending-link-clicked': 'Pendiente - Enlace de invitación pulsado',
  'status.label.active': 'Activo',
  'status.label.profile-created': 'Activo - Perfil creado',
  'status.label.profile-created-not-sent': 'Activo - Perfil creado - Correo no enviado',
  'status.label.profile-created-sent': 'Activo - Perfil creado - Correo enviado',
  'status.label.profile-created-not-delivered': 'Activo - Perfil creado - Correo no entregado',
  'status.label.profile-created-delivered': 'Activo - Perfil creado - Correo entregado',
  'status.label.profile-created-opened': 'Activo - Perfil creado - Correo abierto',
  'status.label.profile-created-link-clicked': 'Activo - Perfil creado - Enlace de invitación pulsado',
  'status.label.unknown': 'Estado desconocido',

  'status.description.pending-not-delivered':
    'El correo de invitación no se ha entregado: la dirección puede no ser válida o el correo fue rechazado. Una invitación nueva muestra este estado unos minutos hasta que se entrega.',
  'status.description.pending-delivered': 'El correo de invitación se entregó, pero aún no se ha abierto.',
  'status.description.pending-opened': 'El socio abrió el correo de invitación, pero aún no la ha aceptado.',
  'status.description.pending-link-clicked':
    'El socio pulsó el enlace de invitación y empezó a registrarse, pero aún no ha creado su cuenta.',
  'status.description.active': 'El socio aceptó la invitación: la conexión está completa.',
  'status.description.profile-created': 'El socio aceptó la invitación e inició sesión: la conexión está completa.',
  'status.description.profile-created-not-sent':
    'Se creó la cuenta del socio, pero el correo de invitación no se ha enviado.',
  'status.description.profile-created-sent':
    'Se creó la cuenta del socio y se envió el correo de invitación; su entrega aún no está confirmada.',
  'status.description.profile-created-not-delivered':
    'Se creó la cuenta del socio, pero el correo de invitación no se pudo entregar.',
  'status.description.profile-created-delivered':
    'Se creó la cuenta del socio y el correo de invitación se entregó, pero aún no se ha abierto.',
  'status.description.profile-created-opened':
    'Se creó la cuenta del socio y el socio abrió el correo de invitación, pero aún no la ha aceptado.',
  'status.description.profile-created-link-clicked':
    'Se creó la cuenta del socio y el socio pulsó el enlace de invitación: empezó a registrarse.',
  'status.description.unknown': 'partner-kit no reconoce este estado.',

  'status.print.allowed': 'Los materiales de marca compartida se pueden enviar a imprenta (costes compartidos).',
  'status.print.not-allowed':
    'Los materiales de marca compartida no se pueden enviar a imprenta hasta que el socio acepte la invitación.',

  'status.hint.check-address-and-resend': 'Siguiente paso: revise la dirección de correo y reenvíe la invitación.',
  'status.hint.wait-for-open': 'Siguiente paso: espere a que el socio abra el correo, o reenvíelo.',
  'status.hint.follow-up': 'Siguiente paso: contacte con el socio para que acepte la invitación.',
  'status.hint.partner-registering': 'Siguiente paso: nada por ahora, el socio se está registrando.',
  'status.hint.send-email': 'Siguiente paso: envíe el correo de invitación.',
  'status.hint.none': 'No hay nada más que hacer.',

  'progress.label.progress': 'Perfil completado',
  'progress.label.reminders': 'Cuenta completada',
  'progress.valuetext': '{filled} de {total} campos',
  'progress.valuetext.one': '{filled} de {total} campo',
  'progress.show-missing': 'Mostrar pendientes ({count})',
  'progress.hide-missing': 'Ocultar pendientes ({count})',
  'progress.missing-list': 'Campos pendientes',
  'progress.missing-summary': 'Pendientes: {fields}',
  'progress.complete': 'Todos los campos completos',

  'field.name': 'Nombre',
  'field.email': 'Correo electrónico',
  'field.address': 'Dirección física',
  'field.jobTitle': 'Cargo',
  'field.timeZone': 'Zona horaria',
  'field.profilePhoto': 'Foto de perfil',
  'field.companyPhoto': 'Foto de la empresa',
  'field.mls': 'Información MLS',
  'field.accountName': 'Nombre de la cuenta',
  'field.cellPhone': 'Teléfono móvil',
  'field.officePhone': 'Teléfono de oficina',
  'field.mlsMarket': 'Mercado MLS',
  'field.mlsAgentId': 'ID de agente MLS',
  'field.employer': 'Empleador',
  'field.companyLogo': 'Logotipo de la empresa',
  'field.licenseNumber': 'Número de licencia inmobiliaria estatal',
  'field.firstName': 'Nombre de pila',
  'field.lastName': 'Apellidos',
  'field.company': 'Empresa',
  'field.street': 'Dirección',
  'field.unit': 'Oficina, unidad, edificio, planta u otro',
  'field.city': 'Ciudad',
  'field.state': 'Estado',
  'field.zip': 'Código postal',
  'field.mobilePhone': 'Teléfono móvil',
  'field.mlsAssociation': 'Asociación MLS',
  'field.photoUrl': 'Foto de perfil',
  'field.logoUrl': 'Logotipo',
};
