import type { statusDetailsEn } from './status-details.en.js';

/** Spanish of `<status-badge>`'s tooltip (see `status-details.en.ts`). */
export const statusDetailsEs: Record<keyof typeof statusDetailsEn, string> = {
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
};
